-- Feature: alert
-- Columns the seed lacks for TradingView-grade conditions (docs/alerts.md; docs/schema.md "Added columns").
-- One trigger = (alert, closed candle): last_fired_candle is the candle_time that last fired the alert, and the
-- evaluating UPDATE only matches rows whose last_fired_candle is older than the candle it evaluates, so two racing
-- evaluations serialise on the row lock and the second no longer matches (exactly once per trigger).

ALTER TABLE signal_alerts
    ADD COLUMN timeframe            varchar(3)  NOT NULL DEFAULT '1h'
        CONSTRAINT ck_signal_alerts_timeframe CHECK (timeframe IN ('1m', '5m', '15m', '1h', '4h', '1d', '1w')),
    ADD COLUMN window_candles       integer
        CONSTRAINT ck_signal_alerts_window_candles CHECK (window_candles > 0),
    ADD COLUMN frequency            varchar(20) NOT NULL DEFAULT 'once'
        CONSTRAINT ck_signal_alerts_frequency CHECK (frequency IN ('once', 'every_time', 'once_per_candle')),
    ADD COLUMN cooldown_seconds     integer
        CONSTRAINT ck_signal_alerts_cooldown_seconds CHECK (cooldown_seconds > 0),
    ADD COLUMN indicator_key        varchar(60),
    ADD COLUMN indicator_path       varchar(60),
    ADD COLUMN reference_key        varchar(60),
    ADD COLUMN reference_path       varchar(60),
    ADD COLUMN notification_methods jsonb       NOT NULL DEFAULT '["in_app"]'::jsonb
        CONSTRAINT ck_signal_alerts_notification_methods CHECK (jsonb_typeof(notification_methods) = 'array'),
    ADD COLUMN last_fired_candle    timestamptz,
    ADD COLUMN trigger_count        integer     NOT NULL DEFAULT 0
        CONSTRAINT ck_signal_alerts_trigger_count CHECK (trigger_count >= 0);

-- Evaluation reads armed alerts per type, asset and timeframe.
DROP INDEX ix_signal_alerts_armed;
CREATE INDEX ix_signal_alerts_armed ON signal_alerts (alert_type, crypto_id, timeframe) WHERE is_active AND NOT is_triggered;

COMMENT ON COLUMN signal_alerts.timeframe IS 'added: candle timeframe the alert is evaluated on (closed candles only)';
COMMENT ON COLUMN signal_alerts.window_candles IS 'added: N candles for percentage_change (move within N) and volume_spike (N-candle average)';
COMMENT ON COLUMN signal_alerts.frequency IS 'added: once (disarms after firing), every_time (new candle and cooldown elapsed), once_per_candle';
COMMENT ON COLUMN signal_alerts.cooldown_seconds IS 'added: minimum time between two firings of an every_time alert';
COMMENT ON COLUMN signal_alerts.indicator_key IS 'added: indicator alerts: left operand, a stored indicator key with optional .output (rsi_14, sma_200, macd_12_26_9.histogram) or close';
COMMENT ON COLUMN signal_alerts.indicator_path IS 'added: path of indicator_key in price_data.technical_indicators as a text[] literal ({SMA,200}); null for close';
COMMENT ON COLUMN signal_alerts.reference_key IS 'added: indicator alerts: right operand when it is a series (close or an indicator key); else trigger_value';
COMMENT ON COLUMN signal_alerts.reference_path IS 'added: path of reference_key in technical_indicators as a text[] literal; null for close';
COMMENT ON COLUMN signal_alerts.notification_methods IS 'added: every channel of the alert (json array of notification_method values); notification_method keeps the first';
COMMENT ON COLUMN signal_alerts.last_fired_candle IS 'added: candle_time of the candle that last fired the alert (one trigger per alert and candle)';
COMMENT ON COLUMN signal_alerts.trigger_count IS 'added: how many times the alert fired';
