-- Feature: prediction
-- Scoring of predictions and the model_performance scorecards (docs/predictions.md "Scoring", "Scorecards").
-- A scorecard is one row per (model version, window, as-of): the headline MASE in metric_value, the overall scores in
-- detailed_metrics, the breakdowns by asset and by regime in breakdown, the confidence reliability table in
-- reliability. Rows written before (evaluation_window NULL) keep their meaning: one metric per row.

ALTER TABLE model_performance
    ADD COLUMN evaluation_window varchar(10)
        CONSTRAINT ck_model_performance_window CHECK (evaluation_window ~ '^([1-9][0-9]{0,3}d|all)$'),
    ADD COLUMN as_of             timestamptz,
    ADD COLUMN breakdown         jsonb,
    ADD COLUMN reliability       jsonb,
    ADD CONSTRAINT ck_model_performance_window_as_of CHECK ((evaluation_window IS NULL) = (as_of IS NULL));

-- one scorecard per (version, window, as-of): the job's upsert key; also the leaderboard's "newest per window" read
CREATE UNIQUE INDEX uq_model_performance_scorecard
    ON model_performance (model_id, evaluation_window, as_of DESC) WHERE evaluation_window IS NOT NULL;

COMMENT ON COLUMN model_performance.evaluation_window IS
    'prediction: the scorecard''s window of target times: Nd (the N days up to as_of) or all';
COMMENT ON COLUMN model_performance.as_of IS
    'prediction: the scorecard covers realized predictions whose target time is at or before this instant';
