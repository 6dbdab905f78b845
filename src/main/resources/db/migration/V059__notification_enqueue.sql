-- Feature: notification
-- What notification publishes to the other features' SQL (docs/architecture.md, "Who owns what"): the one way
-- another feature's set-based statement writes notifications. The alert evaluation statements aggregate the
-- notifications of the alerts they fire into one array and call notification_enqueue once per statement.

CREATE TYPE notification_draft AS (
    user_id           bigint,
    notification_type text,
    title             text,
    message           text,
    data              jsonb,
    priority          text,
    idempotency_key   text,
    alert_id          bigint,
    channels          jsonb
);

COMMENT ON TYPE notification_draft IS
    'notification publishes: one notification to enqueue (type, priority and channels as the notifications table takes them)';

-- Inserts the drafts as unread, unreleased notifications created at "at"; a draft whose idempotency key exists is
-- skipped (exactly once across retried or racing callers). Returns how many were inserted. NULL drafts: none.
CREATE FUNCTION notification_enqueue(drafts notification_draft[], at timestamptz) RETURNS bigint
    LANGUAGE sql VOLATILE AS
$$
WITH inserted AS (
    INSERT INTO notifications (user_id, notification_type, title, message, data, priority, idempotency_key, alert_id,
                               channels, created_at, updated_at)
    SELECT d.user_id, d.notification_type, d.title, d.message, d.data, d.priority, d.idempotency_key, d.alert_id,
           coalesce(d.channels, '[]'::jsonb), at, at
    FROM unnest(drafts) AS d
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM inserted
$$;

COMMENT ON FUNCTION notification_enqueue(notification_draft[], timestamptz) IS
    'notification publishes: inserts notifications from drafts, once per idempotency key; returns the number inserted';
