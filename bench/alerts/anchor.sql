-- The issue's anchor shape (issue 6 "Measure and record"): one UPDATE ... FROM latest prices ... RETURNING with a CTE
-- inserting notifications. Bare on purpose: the latest close per asset (no previous close, no crossings), no guard
-- against a racing pass, no cooldown or expiry, title and message only (no data, no idempotency key, no channels),
-- no per-series checks. It is the floor the bench compares this machine against (bench/alerts/run.sh ANCHOR=1), not
-- the application's statement (src/main/resources/alert/sql/price_target.sql).
-- $1 = now (timestamptz); $2 = shard, $3 = shards (int), as in price_target.sql: the assets with crypto_id % $3 = $2.
WITH latest AS (
    SELECT DISTINCT ON (d.crypto_id) d.crypto_id, d.close_price
    FROM price_data d
    WHERE d.timeframe = '1h' AND d.crypto_id % $3::int = $2::int
    ORDER BY d.crypto_id, d.candle_time DESC
),
fired AS (
    UPDATE signal_alerts a
    SET is_triggered = true, triggered_at = $1::timestamptz
    FROM latest l
    WHERE a.crypto_id = l.crypto_id AND a.alert_type = 'price_target' AND a.is_active AND NOT a.is_triggered
      AND ((a.condition IN ('above', 'crosses_up') AND l.close_price > a.trigger_value)
        OR (a.condition = 'below' AND l.close_price < a.trigger_value))
    RETURNING a.id, a.user_id, a.trigger_value, l.close_price
),
notified AS (
    INSERT INTO notifications (user_id, notification_type, title, message)
    SELECT f.user_id, 'alert', 'Alert ' || f.id, 'closed at ' || f.close_price || ', level ' || f.trigger_value
    FROM fired f
    RETURNING 1
)
SELECT (SELECT count(*) FROM fired) AS fired, (SELECT count(*) FROM notified) AS notified, 0 AS series
