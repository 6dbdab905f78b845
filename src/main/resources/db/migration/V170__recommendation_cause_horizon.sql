-- Feature: recommendation
-- Tables: ai_recommendations (docs/recommendations.md)
-- cause_key: why a generated recommendation exists ("signal:42", "stop_reached", "no_stop", ...). At most one OPEN
-- (pending or approved) recommendation per (user, target entity, type, cause): the generator inserts with
-- ON CONFLICT DO NOTHING on the partial unique index below, so a re-run never duplicates one.
-- horizon_ends_at: when the outcome of following the recommendation is judged (outcome job).

ALTER TABLE ai_recommendations
    ADD COLUMN cause_key       varchar(200),
    ADD COLUMN horizon_ends_at timestamptz;

CREATE UNIQUE INDEX uq_ai_recommendations_open_cause
    ON ai_recommendations (user_id, target_entity_type, target_entity_id, recommendation_type, cause_key)
    WHERE status IN ('pending', 'approved') AND cause_key IS NOT NULL;

-- Outcome job: recommendations whose horizon has passed and whose outcome is not computed yet.
CREATE INDEX ix_ai_recommendations_outcome_due
    ON ai_recommendations (horizon_ends_at)
    WHERE outcome_result IS NULL AND horizon_ends_at IS NOT NULL;

-- Own list filtered by status, newest first.
CREATE INDEX ix_ai_recommendations_user_status ON ai_recommendations (user_id, status, created_at DESC);

COMMENT ON COLUMN ai_recommendations.cause_key IS
    'added: the cause of a generated recommendation; unique among open ones per (user, target, type)';
COMMENT ON COLUMN ai_recommendations.horizon_ends_at IS
    'added: end of the horizon over which the outcome of following it is computed';
