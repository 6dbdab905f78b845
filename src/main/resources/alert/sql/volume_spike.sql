-- alerts.evaluate, alert type volume_spike: one set-based statement (docs/alerts.md "Evaluation").
-- $1 = now (timestamptz). Run it with psql as: PREPARE pass(timestamptz) AS <this file>; EXECUTE pass(now());
-- Returns one row: fired (alerts updated), notified (notifications enqueued through notification's notification_enqueue), series (series checked).
WITH windows AS (
    SELECT DISTINCT a.crypto_id, a.timeframe, a.window_candles
    FROM signal_alerts a
    WHERE a.alert_type = 'volume_spike' AND a.is_active AND NOT a.is_triggered
),
series AS (
    SELECT DISTINCT w.crypto_id, w.timeframe FROM windows w
),
latest AS (
    SELECT s.crypto_id, s.timeframe, l.candle_time AS l_time, l.volume AS l_volume,
           CASE s.timeframe WHEN '1m' THEN interval '1 minute' WHEN '5m' THEN interval '5 minutes'
                WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour' WHEN '4h' THEN interval '4 hours'
                WHEN '1d' THEN interval '1 day' ELSE interval '7 days' END AS tf
    FROM series s
    CROSS JOIN LATERAL (SELECT d.candle_time, d.volume FROM market_candles d
                        WHERE d.crypto_id = s.crypto_id AND d.timeframe = s.timeframe
                        ORDER BY d.candle_time DESC LIMIT 1) l
),
-- the mean volume of the stored candles in [L - N x timeframe, L), per series and window N
refs AS (
    SELECT w.crypto_id, w.timeframe, w.window_candles, r.avg_volume
    FROM windows w
    JOIN latest x ON x.crypto_id = w.crypto_id AND x.timeframe = w.timeframe
    CROSS JOIN LATERAL (SELECT avg(d.volume) AS avg_volume FROM market_candles d
                        WHERE d.crypto_id = w.crypto_id AND d.timeframe = w.timeframe
                          AND d.candle_time >= x.l_time - w.window_candles * x.tf AND d.candle_time < x.l_time) r
),
checked AS (
    INSERT INTO alert_series_checks AS c (alert_type, crypto_id, timeframe, checked_at, latest_candle)
    SELECT 'volume_spike', s.crypto_id, s.timeframe, $1::timestamptz, x.l_time
    FROM series s LEFT JOIN latest x ON x.crypto_id = s.crypto_id AND x.timeframe = s.timeframe
    ORDER BY s.crypto_id, s.timeframe
    ON CONFLICT (crypto_id, timeframe, alert_type)
        DO UPDATE SET checked_at = greatest(c.checked_at, EXCLUDED.checked_at), latest_candle = EXCLUDED.latest_candle
    RETURNING 1
),
hits AS (
    SELECT a.id, x.l_time AS candle_time, x.l_volume AS value, r.avg_volume
    FROM latest x
    JOIN refs r ON r.crypto_id = x.crypto_id AND r.timeframe = x.timeframe
    JOIN signal_alerts a
      ON a.alert_type = 'volume_spike' AND a.crypto_id = x.crypto_id AND a.timeframe = x.timeframe
     AND a.window_candles = r.window_candles AND a.is_active AND NOT a.is_triggered
    WHERE (a.expires_at IS NULL OR a.expires_at > $1::timestamptz)
      AND x.l_time + x.tf > coalesce(a.armed_at, a.created_at)
      AND (a.last_fired_candle IS NULL OR a.last_fired_candle < x.l_time)
      AND CASE a.condition
              WHEN 'spike' THEN r.avg_volume > 0 AND x.l_volume >= a.trigger_value * r.avg_volume
              ELSE false END
),
fired AS (
    UPDATE signal_alerts a
    SET last_fired_candle = h.candle_time, triggered_at = $1::timestamptz, last_checked = $1::timestamptz,
        trigger_count = a.trigger_count + 1, is_triggered = (a.frequency = 'once'), version = a.version + 1
    FROM hits h
    WHERE a.id = h.id
      -- re-checked on the newest row version after waiting for a racing pass's row lock (READ COMMITTED); written with
      -- IS TRUE / IS FALSE so that it does not match the partial index ix_signal_alerts_armed: with statistics that say
      -- that index is (nearly) empty, e.g. right after alerts were switched on in bulk, the planner otherwise reads the
      -- whole index once per hit instead of probing the primary key (docs/alerts.md, "Evaluation")
      AND a.is_active IS TRUE AND a.is_triggered IS FALSE
      AND (a.last_fired_candle IS NULL OR a.last_fired_candle < h.candle_time)
      AND (a.frequency <> 'every_time' OR a.triggered_at IS NULL
           OR a.triggered_at + make_interval(secs => coalesce(a.cooldown_seconds, 0)) <= $1::timestamptz)
    RETURNING a.id, a.user_id, a.crypto_id, a.timeframe, a.window_candles, a.condition, a.trigger_value, a.message,
              a.notification_methods, h.candle_time, h.value, h.avg_volume
),
notified AS (
    SELECT notification_enqueue(array_agg(ROW(f.user_id, 'alert',
           format('%s volume spike x%s', c.symbol, trim_scale(round(f.value / f.avg_volume, 2))),
           coalesce(nullif(f.message, ''),
                    format('%s volume %s on the %s candle of %s is %s times its %s-candle average %s (alert: %s x).',
                           c.symbol, trim_scale(f.value), f.timeframe,
                           to_char(f.candle_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'),
                           trim_scale(round(f.value / f.avg_volume, 2)), f.window_candles,
                           trim_scale(round(f.avg_volume, 2)), trim_scale(f.trigger_value))),
           jsonb_build_object('alertId', f.id, 'symbol', c.symbol, 'alertType', 'VOLUME_SPIKE',
                              'condition', upper(f.condition), 'timeframe', f.timeframe,
                              'candleTime', to_char(f.candle_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                              'value', trim_scale(f.value)::text, 'level', trim_scale(f.trigger_value)::text,
                              'average', trim_scale(round(f.avg_volume, 8))::text),
           'high', 'alert:' || f.id || ':' || extract(epoch FROM f.candle_time)::bigint, f.id,
           CASE WHEN f.notification_methods = '["in_app"]'::jsonb THEN '[]'::jsonb
                ELSE (SELECT coalesce(jsonb_agg(m.value ORDER BY m.n), '[]'::jsonb)
                      FROM jsonb_array_elements_text(f.notification_methods) WITH ORDINALITY AS m(value, n)
                      WHERE m.value IN ('webhook', 'email')) END)::notification_draft), $1::timestamptz) AS inserted
    FROM fired f
    JOIN market_assets c ON c.id = f.crypto_id
)
SELECT (SELECT count(*) FROM fired) AS fired, (SELECT inserted FROM notified) AS notified,
       (SELECT count(*) FROM checked) AS series
