-- Feature: ops
-- Retention (job ops.retention) deletes old rows in batches, oldest first, one statement per batch:
--   background_tasks   finished runs (completed, failed, skipped) by created_at; needs the index below
--   external_api_logs  by created_at (ix_external_api_logs_created, V013)
--   system_health      by check_time (ix_system_health_check_time, V013)
-- Without an index on created_at, each batch would walk the whole table once nothing old is left.

CREATE INDEX ix_background_tasks_created ON background_tasks (created_at);
