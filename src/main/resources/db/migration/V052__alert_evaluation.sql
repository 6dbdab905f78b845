-- Feature: alert
-- Tables: alert_series_checks (added; not in the seed ERD); signal_alerts.armed_at (added column)
-- docs/alerts.md "Evaluation" and "lastChecked".

-- When the alert was (re-)armed: its condition edited, or re-activated; NULL = since created_at. Only candles that
-- close after it count (candle_time + timeframe > coalesce(armed_at, created_at)), so an alert never fires on history.
ALTER TABLE signal_alerts
    ADD COLUMN armed_at timestamptz;

COMMENT ON COLUMN signal_alerts.armed_at IS 'added: when the alert was re-armed (condition edited, re-activated); NULL = created_at; candles that closed before do not fire it';

-- One row per evaluated series and alert type: when an evaluation pass last checked the armed alerts of that series.
-- Written once per series per pass (a few thousand rows), instead of touching last_checked of every evaluated alert
-- (a million rows a minute); an alert's lastChecked is greatest(signal_alerts.last_checked, this checked_at).
CREATE TABLE alert_series_checks (
    alert_type varchar(30) NOT NULL,
    crypto_id  bigint      NOT NULL
        CONSTRAINT fk_alert_series_checks_crypto REFERENCES cryptocurrencies (id) ON DELETE CASCADE,
    timeframe  varchar(3)  NOT NULL,
    checked_at timestamptz NOT NULL,
    latest_candle timestamptz,
    CONSTRAINT pk_alert_series_checks PRIMARY KEY (crypto_id, timeframe, alert_type)
);

COMMENT ON TABLE alert_series_checks IS 'alert (added): last evaluation time per (asset, timeframe, alert type) series, the lastChecked of its armed alerts';
COMMENT ON COLUMN alert_series_checks.latest_candle IS 'the latest stored candle the pass evaluated (null: the series has no candles)';
