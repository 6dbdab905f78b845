-- alerts.evaluate, alert type price_target: one set-based statement (docs/alerts.md "Evaluation").
-- $1 = now (timestamptz); $2 = shard, $3 = shards (int): only the series with crypto_id % $3 = $2 are evaluated, so
-- that the pass runs it as $3 statements in parallel, one per connection and transaction (coinpilot.alerts.evaluation-
-- shards; $2 = 0, $3 = 1 evaluates everything). Run it with psql as:
-- PREPARE pass(timestamptz, int, int) AS <this file>; EXECUTE pass(now(), 0, 1);
-- (or EXECUTE pass(now(), 0, 2) and EXECUTE pass(now(), 1, 2) in two sessions at once, as the application does).
-- Returns one row: fired (alerts updated), notified (notifications enqueued through notification's notification_enqueue), series (series checked).
-- series: the distinct (crypto_id, timeframe) of the armed alerts, by a skip scan of ix_signal_alerts_armed (one index
-- probe per series instead of reading every armed alert)
WITH RECURSIVE series AS (
    (SELECT a.crypto_id, a.timeframe FROM signal_alerts a
     WHERE a.alert_type = 'price_target' AND a.is_active AND NOT a.is_triggered
     ORDER BY a.crypto_id, a.timeframe LIMIT 1)
    UNION ALL
    SELECT n.crypto_id, n.timeframe
    FROM series s
    CROSS JOIN LATERAL (SELECT a.crypto_id, a.timeframe FROM signal_alerts a
                        WHERE a.alert_type = 'price_target' AND a.is_active AND NOT a.is_triggered
                          AND (a.crypto_id, a.timeframe) > (s.crypto_id, s.timeframe)
                        ORDER BY a.crypto_id, a.timeframe LIMIT 1) n
),
-- latest: also the notification text that is the same for every alert of the series (symbol, candle time, close), built
-- once per series instead of once per fired alert
latest AS (
    SELECT s.crypto_id, s.timeframe, l.candle_time AS l_time, l.close_price AS l_close, p.close_price AS p_close,
           CASE s.timeframe WHEN '1m' THEN interval '1 minute' WHEN '5m' THEN interval '5 minutes'
                WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour' WHEN '4h' THEN interval '4 hours'
                WHEN '1d' THEN interval '1 day' ELSE interval '7 days' END AS tf,
           c.symbol, trim_scale(l.close_price)::text AS value_text,
           to_char(l.candle_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') AS candle_minute,
           to_char(l.candle_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS candle_iso
    FROM series s
    JOIN market_assets c ON c.id = s.crypto_id
    CROSS JOIN LATERAL (SELECT d.candle_time, d.close_price FROM market_candles d
                        WHERE d.crypto_id = s.crypto_id AND d.timeframe = s.timeframe
                        ORDER BY d.candle_time DESC LIMIT 1) l
    LEFT JOIN LATERAL (SELECT d.close_price FROM market_candles d
                       WHERE d.crypto_id = s.crypto_id AND d.timeframe = s.timeframe AND d.candle_time < l.candle_time
                       ORDER BY d.candle_time DESC LIMIT 1) p ON true
    WHERE s.crypto_id % $3::int = $2::int
),
checked AS (
    INSERT INTO alert_series_checks AS c (alert_type, crypto_id, timeframe, checked_at, latest_candle)
    SELECT 'price_target', s.crypto_id, s.timeframe, $1::timestamptz, x.l_time
    FROM series s LEFT JOIN latest x ON x.crypto_id = s.crypto_id AND x.timeframe = s.timeframe
    WHERE s.crypto_id % $3::int = $2::int
    ORDER BY s.crypto_id, s.timeframe
    ON CONFLICT (crypto_id, timeframe, alert_type)
        DO UPDATE SET checked_at = greatest(c.checked_at, EXCLUDED.checked_at), latest_candle = EXCLUDED.latest_candle
    RETURNING 1
),
-- hits: per series, four range scans of ix_signal_alerts_armed (alert_type, crypto_id, timeframe, condition,
-- trigger_value): only the alerts whose level the latest close is beyond (above: level < L; below: level > L) or that
-- the last candle moved across (crosses_up: P <= level < L; crosses_down: L < level <= P) are read, not every armed
-- alert of the series. crosses is in both crossing ranges, which are disjoint (level < L vs level > L), so it appears
-- at most once. A NULL P (no previous candle) or level matches no range.
hits AS (
    SELECT a.id, x.l_time AS candle_time, x.l_close AS value, x.symbol, x.value_text, x.candle_minute, x.candle_iso
    FROM latest x
    CROSS JOIN LATERAL (
        SELECT a.id, a.expires_at, a.armed_at, a.created_at, a.last_fired_candle FROM signal_alerts a
        WHERE a.alert_type = 'price_target' AND a.crypto_id = x.crypto_id AND a.timeframe = x.timeframe
          AND a.is_active AND NOT a.is_triggered
          AND a.condition = 'above' AND a.trigger_value < x.l_close
        UNION ALL
        SELECT a.id, a.expires_at, a.armed_at, a.created_at, a.last_fired_candle FROM signal_alerts a
        WHERE a.alert_type = 'price_target' AND a.crypto_id = x.crypto_id AND a.timeframe = x.timeframe
          AND a.is_active AND NOT a.is_triggered
          AND a.condition = 'below' AND a.trigger_value > x.l_close
        UNION ALL
        SELECT a.id, a.expires_at, a.armed_at, a.created_at, a.last_fired_candle FROM signal_alerts a
        WHERE a.alert_type = 'price_target' AND a.crypto_id = x.crypto_id AND a.timeframe = x.timeframe
          AND a.is_active AND NOT a.is_triggered
          AND a.condition IN ('crosses_up', 'crosses') AND a.trigger_value >= x.p_close AND a.trigger_value < x.l_close
        UNION ALL
        SELECT a.id, a.expires_at, a.armed_at, a.created_at, a.last_fired_candle FROM signal_alerts a
        WHERE a.alert_type = 'price_target' AND a.crypto_id = x.crypto_id AND a.timeframe = x.timeframe
          AND a.is_active AND NOT a.is_triggered
          AND a.condition IN ('crosses_down', 'crosses') AND a.trigger_value > x.l_close AND a.trigger_value <= x.p_close
    ) a
    WHERE (a.expires_at IS NULL OR a.expires_at > $1::timestamptz)
      AND x.l_time + x.tf > coalesce(a.armed_at, a.created_at)
      AND (a.last_fired_candle IS NULL OR a.last_fired_candle < x.l_time)
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
    RETURNING a.id, a.user_id, a.timeframe, a.condition, a.message, a.notification_methods, h.candle_time,
              h.symbol, h.value_text, h.candle_minute, h.candle_iso,
              trim_scale(a.trigger_value)::text AS level, replace(a.condition, '_', ' ') AS condition_words
),
notified AS (
    -- every operand is non-null for a hit (symbol, close, condition and level matched), so || is format()'s text
    SELECT notification_enqueue(array_agg(ROW(f.user_id, 'alert',
           f.symbol || ' ' || f.condition_words || ' ' || f.level,
           coalesce(nullif(f.message, ''),
                    f.symbol || ' closed at ' || f.value_text || ' on the ' || f.timeframe || ' candle of '
                    || f.candle_minute || ': ' || f.condition_words || ' ' || f.level || '.'),
           jsonb_build_object('alertId', f.id, 'symbol', f.symbol, 'alertType', 'PRICE_TARGET',
                              'condition', upper(f.condition), 'timeframe', f.timeframe,
                              'candleTime', f.candle_iso, 'value', f.value_text, 'level', f.level),
           'high', 'alert:' || f.id || ':' || extract(epoch FROM f.candle_time)::bigint, f.id,
           CASE WHEN f.notification_methods = '["in_app"]'::jsonb THEN '[]'::jsonb
                ELSE (SELECT coalesce(jsonb_agg(m.value ORDER BY m.n), '[]'::jsonb)
                      FROM jsonb_array_elements_text(f.notification_methods) WITH ORDINALITY AS m(value, n)
                      WHERE m.value IN ('webhook', 'email')) END)::notification_draft), $1::timestamptz) AS inserted
    FROM fired f
)
SELECT (SELECT count(*) FROM fired) AS fired, (SELECT inserted FROM notified) AS notified,
       (SELECT count(*) FROM checked) AS series
