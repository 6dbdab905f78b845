-- Feature: signal
-- Columns the generation and scoring jobs need (docs/signals.md), one signal per prediction, and the view the alert
-- evaluation reads new signals from (signal_events).

ALTER TABLE trading_signals
    ADD COLUMN ai_model_id         bigint
        CONSTRAINT fk_trading_signals_ai_model REFERENCES ai_models (id) ON DELETE SET NULL,
    ADD COLUMN model_name          varchar(100),
    ADD COLUMN model_version       varchar(50),
    ADD COLUMN timeframe           varchar(3)
        CONSTRAINT ck_trading_signals_timeframe CHECK (timeframe IN ('1m', '5m', '15m', '1h', '4h', '1d', '1w')),
    ADD COLUMN input_close_time    timestamptz,
    ADD COLUMN regime              varchar(20),
    ADD COLUMN rationale           jsonb,
    ADD COLUMN outcome             varchar(12)
        CONSTRAINT ck_trading_signals_outcome CHECK (outcome IN ('hit_target', 'hit_stop', 'neither')),
    ADD COLUMN outcome_price       numeric(38,18),
    ADD COLUMN outcome_return_pct  numeric(12,4),
    ADD COLUMN outcome_candle_time timestamptz,
    ADD COLUMN scored_at           timestamptz,
    ADD COLUMN cancelled_at        timestamptz;

-- One signal per prediction: the generation job is idempotent (it also skips predictions it already used).
DROP INDEX ix_trading_signals_prediction;
CREATE UNIQUE INDEX uq_trading_signals_prediction ON trading_signals (prediction_id) WHERE prediction_id IS NOT NULL;
-- Scoring job: generated signals not yet scored.
CREATE INDEX ix_trading_signals_unscored ON trading_signals (id)
    WHERE scored_at IS NULL AND input_close_time IS NOT NULL AND status <> 'cancelled';
-- Track record: scored signals by model and regime.
CREATE INDEX ix_trading_signals_scored_model ON trading_signals (ai_model_id, regime) WHERE scored_at IS NOT NULL;

COMMENT ON COLUMN trading_signals.ai_model_id IS 'added: the model version of the prediction (track record per model)';
COMMENT ON COLUMN trading_signals.model_name IS 'added: the model''s name when the signal was made';
COMMENT ON COLUMN trading_signals.model_version IS 'added: the model''s version label when the signal was made';
COMMENT ON COLUMN trading_signals.timeframe IS 'added: candle timeframe of the model; scoring walks candles of this timeframe';
COMMENT ON COLUMN trading_signals.input_close_time IS 'added: close of the last input candle (entry = its close); scoring walks candles opening at or after it';
COMMENT ON COLUMN trading_signals.regime IS 'added: macro regime (bull, bear, sideways) known when the signal was made; null when none was';
COMMENT ON COLUMN trading_signals.rationale IS 'added: the inputs and rule values the signal was made from (predicted move, RSI, SMA, ATR, confidence, MASE)';
COMMENT ON COLUMN trading_signals.outcome IS 'added: hit_target, hit_stop (first one hit by the stored candles; both in one candle = stop) or neither';
COMMENT ON COLUMN trading_signals.outcome_price IS 'added: the exit price of the outcome: target, stop, or the last close of the window';
COMMENT ON COLUMN trading_signals.outcome_return_pct IS 'added: return of following the signal to its outcome, % of entry, signed for the direction';
COMMENT ON COLUMN trading_signals.outcome_candle_time IS 'added: open time of the candle that decided the outcome';
COMMENT ON COLUMN trading_signals.scored_at IS 'added: when the scoring job recorded the outcome';
COMMENT ON COLUMN trading_signals.cancelled_at IS 'added: when an admin cancelled the signal';

-- What signal publishes to other features' SQL (the alert evaluation of signal_generated alerts): every signal with
-- its levels and creation time. A plain view: the planner flattens it into the caller's statement.
CREATE VIEW signal_events AS
SELECT id, crypto_id, signal_type, entry_price, target_price, stop_loss, risk_level, risk_reward_ratio,
       time_horizon_hours, status, expires_at, created_at
FROM trading_signals;

COMMENT ON VIEW signal_events IS
    'signal publishes: the trading signals (levels, risk, status, creation and expiry) for other features'' SQL';

-- The alert evaluation finds the signals of an asset created after a time.
CREATE INDEX ix_trading_signals_crypto_created ON trading_signals (crypto_id, created_at);
