-- Feature: prediction
-- The registry keeps at most one active version per model name, and the flag agrees with the status.

ALTER TABLE ai_models
    ADD CONSTRAINT ck_ai_models_active_status CHECK (is_active = (status = 'active'));

CREATE UNIQUE INDEX uq_ai_models_one_active_per_name ON ai_models (name) WHERE is_active;

COMMENT ON INDEX uq_ai_models_one_active_per_name IS
    'prediction: at most one active version per model name (activation switches under a lock on the name''s rows)';
