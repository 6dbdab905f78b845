-- alerts.evaluate, alert type indicator: one set-based statement (docs/alerts.md "Evaluation").
-- $1 = now (timestamptz). Run it with psql as: PREPARE pass(timestamptz) AS <this file>; EXECUTE pass(now());
-- Returns one row: fired (alerts updated), notified (notifications enqueued through notification's notification_enqueue), series (series checked).
-- series: the distinct (crypto_id, timeframe) of the armed alerts, by a skip scan of ix_signal_alerts_armed (one index
-- probe per series instead of reading every armed alert)
WITH RECURSIVE series AS (
    (SELECT a.crypto_id, a.timeframe FROM signal_alerts a
     WHERE a.alert_type = 'indicator' AND a.is_active AND NOT a.is_triggered
     ORDER BY a.crypto_id, a.timeframe LIMIT 1)
    UNION ALL
    SELECT n.crypto_id, n.timeframe
    FROM series s
    CROSS JOIN LATERAL (SELECT a.crypto_id, a.timeframe FROM signal_alerts a
                        WHERE a.alert_type = 'indicator' AND a.is_active AND NOT a.is_triggered
                          AND (a.crypto_id, a.timeframe) > (s.crypto_id, s.timeframe)
                        ORDER BY a.crypto_id, a.timeframe LIMIT 1) n
),
latest AS (
    SELECT s.crypto_id, s.timeframe, l.candle_time AS l_time, l.close_price AS l_close, l.technical_indicators AS l_ti,
           p.close_price AS p_close, p.technical_indicators AS p_ti,
           CASE s.timeframe WHEN '1m' THEN interval '1 minute' WHEN '5m' THEN interval '5 minutes'
                WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour' WHEN '4h' THEN interval '4 hours'
                WHEN '1d' THEN interval '1 day' ELSE interval '7 days' END AS tf
    FROM series s
    CROSS JOIN LATERAL (SELECT d.candle_time, d.close_price, d.technical_indicators FROM market_candles d
                        WHERE d.crypto_id = s.crypto_id AND d.timeframe = s.timeframe
                        ORDER BY d.candle_time DESC LIMIT 1) l
    LEFT JOIN LATERAL (SELECT d.close_price, d.technical_indicators FROM market_candles d
                       WHERE d.crypto_id = s.crypto_id AND d.timeframe = s.timeframe AND d.candle_time < l.candle_time
                       ORDER BY d.candle_time DESC LIMIT 1) p ON true
),
checked AS (
    INSERT INTO alert_series_checks AS c (alert_type, crypto_id, timeframe, checked_at, latest_candle)
    SELECT 'indicator', s.crypto_id, s.timeframe, $1::timestamptz, x.l_time
    FROM series s LEFT JOIN latest x ON x.crypto_id = s.crypto_id AND x.timeframe = s.timeframe
    ORDER BY s.crypto_id, s.timeframe
    ON CONFLICT (crypto_id, timeframe, alert_type)
        DO UPDATE SET checked_at = greatest(c.checked_at, EXCLUDED.checked_at), latest_candle = EXCLUDED.latest_candle
    RETURNING 1
),
hits AS (
    SELECT a.id, x.l_time AS candle_time, o.left_l AS value, o.right_l AS level
    FROM latest x
    JOIN signal_alerts a
      ON a.alert_type = 'indicator' AND a.crypto_id = x.crypto_id AND a.timeframe = x.timeframe
     AND a.is_active AND NOT a.is_triggered
    -- operands at L and P: close (path NULL), a stored value (NULL while missing: warm-up, not computed yet), or
    -- the constant trigger_value when there is no reference_key
    CROSS JOIN LATERAL (
        SELECT CASE WHEN a.indicator_path IS NULL THEN x.l_close
                    WHEN jsonb_typeof(x.l_ti #> a.indicator_path::text[]) = 'number'
                    THEN (x.l_ti #>> a.indicator_path::text[])::numeric END AS left_l,
               CASE WHEN a.indicator_path IS NULL THEN x.p_close
                    WHEN jsonb_typeof(x.p_ti #> a.indicator_path::text[]) = 'number'
                    THEN (x.p_ti #>> a.indicator_path::text[])::numeric END AS left_p,
               CASE WHEN a.reference_key IS NULL THEN a.trigger_value
                    WHEN a.reference_path IS NULL THEN x.l_close
                    WHEN jsonb_typeof(x.l_ti #> a.reference_path::text[]) = 'number'
                    THEN (x.l_ti #>> a.reference_path::text[])::numeric END AS right_l,
               CASE WHEN a.reference_key IS NULL THEN a.trigger_value
                    WHEN a.reference_path IS NULL THEN x.p_close
                    WHEN jsonb_typeof(x.p_ti #> a.reference_path::text[]) = 'number'
                    THEN (x.p_ti #>> a.reference_path::text[])::numeric END AS right_p) o
    WHERE (a.expires_at IS NULL OR a.expires_at > $1::timestamptz)
      AND x.l_time + x.tf > coalesce(a.armed_at, a.created_at)
      AND (a.last_fired_candle IS NULL OR a.last_fired_candle < x.l_time)
      AND CASE a.condition
              WHEN 'above' THEN o.left_l > o.right_l
              WHEN 'below' THEN o.left_l < o.right_l
              WHEN 'crosses_up' THEN o.left_p <= o.right_p AND o.left_l > o.right_l
              WHEN 'crosses_down' THEN o.left_p >= o.right_p AND o.left_l < o.right_l
              WHEN 'crosses' THEN (o.left_p <= o.right_p AND o.left_l > o.right_l)
                               OR (o.left_p >= o.right_p AND o.left_l < o.right_l)
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
    RETURNING a.id, a.user_id, a.crypto_id, a.timeframe, a.condition, a.indicator_key, a.reference_key,
              a.message, a.notification_methods, h.candle_time, h.value, h.level
),
notified AS (
    SELECT notification_enqueue(array_agg(ROW(f.user_id, 'alert',
           format('%s %s %s %s', c.symbol, f.indicator_key, replace(f.condition, '_', ' '),
                  coalesce(f.reference_key, trim_scale(f.level)::text)),
           coalesce(nullif(f.message, ''),
                    format('%s %s %s %s on the %s candle of %s (%s, %s).', c.symbol, f.indicator_key,
                           replace(f.condition, '_', ' '), coalesce(f.reference_key, trim_scale(f.level)::text),
                           f.timeframe, to_char(f.candle_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'),
                           trim_scale(f.value), trim_scale(f.level))),
           jsonb_build_object('alertId', f.id, 'symbol', c.symbol, 'alertType', 'INDICATOR',
                              'condition', upper(f.condition), 'timeframe', f.timeframe,
                              'candleTime', to_char(f.candle_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                              'value', trim_scale(f.value)::text, 'level', trim_scale(f.level)::text,
                              'indicatorKey', f.indicator_key, 'referenceKey', f.reference_key),
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
