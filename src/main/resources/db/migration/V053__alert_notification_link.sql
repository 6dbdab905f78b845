-- Feature: alert
-- notifications.alert_id (V051) keeps the id of the alert that fired the notification, without a foreign key.
-- The evaluation statements insert one notification per fired alert (100,000 in one statement when 10 % of 1M alerts
-- fire); the per-row foreign-key check cost about as much as writing the row's indexes (bench/alerts, EXPLAIN ANALYZE:
-- 0.8 s of an 8.4 s pass). Notifications are history: after an alert is deleted its notifications keep its id.
ALTER TABLE notifications DROP CONSTRAINT fk_notifications_alert;
DROP INDEX ix_notifications_alert;

COMMENT ON COLUMN notifications.alert_id IS 'added: id of the alert that fired it; no foreign key (history: kept after the alert is deleted)';
