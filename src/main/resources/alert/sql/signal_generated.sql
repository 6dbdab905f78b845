-- alerts.evaluate, alert type signal_generated: one set-based statement (docs/alerts.md "Evaluation").
-- $1 = now (timestamptz). Run it with psql as: PREPARE pass(timestamptz) AS <this file>; EXECUTE pass(now());
-- A trigger is (alert, signal): the signals of the alert's asset (signal's published view signal_events) created after
-- the alert was armed and after the newest signal that last fired it (last_fired_candle holds that signal's created_at).
-- Returns one row: fired (alerts updated), notified (notifications enqueued through notification's notification_enqueue), series (series checked).
WITH series AS (
    SELECT DISTINCT a.crypto_id, a.timeframe
    FROM signal_alerts a
    WHERE a.alert_type = 'signal_generated' AND a.is_active AND NOT a.is_triggered
),
checked AS (
    INSERT INTO alert_series_checks AS c (alert_type, crypto_id, timeframe, checked_at, latest_candle)
    SELECT 'signal_generated', s.crypto_id, s.timeframe, $1::timestamptz, NULL
    FROM series s
    ORDER BY s.crypto_id, s.timeframe
    ON CONFLICT (crypto_id, timeframe, alert_type)
        DO UPDATE SET checked_at = greatest(c.checked_at, EXCLUDED.checked_at), latest_candle = NULL
    RETURNING 1
),
new_signals AS (
    SELECT a.id, e.id AS signal_id, e.created_at, e.signal_type, e.entry_price, e.target_price, e.stop_loss,
           e.risk_level, e.risk_reward_ratio, e.expires_at
    FROM signal_alerts a
    JOIN signal_events e ON e.crypto_id = a.crypto_id
    WHERE a.alert_type = 'signal_generated' AND a.is_active AND NOT a.is_triggered
      AND (a.expires_at IS NULL OR a.expires_at > $1::timestamptz)
      AND e.created_at <= $1::timestamptz
      AND e.created_at > coalesce(a.armed_at, a.created_at)
      AND (a.last_fired_candle IS NULL OR e.created_at > a.last_fired_candle)
),
-- one trigger per alert and pass, at its newest new signal (candle_time: the watermark kept in last_fired_candle)
hits AS (
    SELECT n.id, max(n.created_at) AS candle_time FROM new_signals n GROUP BY n.id
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
    RETURNING a.id, a.user_id, a.crypto_id, a.message, a.notification_methods
),
notified AS (
    SELECT notification_enqueue(array_agg(ROW(f.user_id, 'alert',
           format('%s %s signal', c.symbol, h.signal_type),
           coalesce(nullif(f.message, ''),
                    format('New %s signal on %s: entry %s, target %s, stop %s (risk %s, reward/risk %s), valid until %s.',
                           h.signal_type, c.symbol, trim_scale(h.entry_price), trim_scale(h.target_price),
                           trim_scale(h.stop_loss), coalesce(h.risk_level, 'unrated'),
                           coalesce(trim_scale(h.risk_reward_ratio)::text, '-'),
                           coalesce(to_char(h.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), '-'))),
           jsonb_build_object('alertId', f.id, 'symbol', c.symbol, 'alertType', 'SIGNAL_GENERATED',
                              'signalId', h.signal_id, 'signalType', upper(h.signal_type),
                              'createdAt', to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                              'entryPrice', trim_scale(h.entry_price)::text,
                              'targetPrice', trim_scale(h.target_price)::text,
                              'stopLoss', trim_scale(h.stop_loss)::text,
                              'riskLevel', upper(h.risk_level),
                              'riskRewardRatio', trim_scale(h.risk_reward_ratio)::text),
           'high', 'alert:' || f.id || ':signal:' || h.signal_id, f.id,
           CASE WHEN f.notification_methods = '["in_app"]'::jsonb THEN '[]'::jsonb
                ELSE (SELECT coalesce(jsonb_agg(m.value ORDER BY m.n), '[]'::jsonb)
                      FROM jsonb_array_elements_text(f.notification_methods) WITH ORDINALITY AS m(value, n)
                      WHERE m.value IN ('webhook', 'email')) END)::notification_draft), $1::timestamptz) AS inserted
    FROM fired f
    JOIN new_signals h ON h.id = f.id
    JOIN market_assets c ON c.id = f.crypto_id
)
SELECT (SELECT count(*) FROM fired) AS fired, (SELECT inserted FROM notified) AS notified,
       (SELECT count(*) FROM checked) AS series
