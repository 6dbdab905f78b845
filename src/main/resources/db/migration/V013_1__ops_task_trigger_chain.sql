-- Feature: ops
-- A run started because another job completed (coinpilot.jobs."NAME".then) is recorded as 'chain'.
ALTER TABLE background_tasks DROP CONSTRAINT ck_background_tasks_triggered_by;
ALTER TABLE background_tasks
    ADD CONSTRAINT ck_background_tasks_triggered_by CHECK (triggered_by IN ('schedule', 'admin', 'cli', 'chain'));
