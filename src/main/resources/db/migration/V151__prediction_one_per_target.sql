-- Feature: prediction
-- A model version predicts an asset's close at a target time once per horizon: the prediction job's idempotency
-- (running it twice for the same last closed candle adds nothing) and the 409 of a repeated external prediction.
-- Horizon and target fix the last input candle (target = its open + (horizon + 1) x timeframe), so the key is that
-- of one forecast. Rows without a model (ai_models_id NULL) are not constrained (NULLs are distinct).

CREATE UNIQUE INDEX uq_predictions_model_asset_horizon_target
    ON predictions (ai_models_id, crypto_id, prediction_horizon, target_datetime);

COMMENT ON INDEX uq_predictions_model_asset_horizon_target IS
    'prediction: one prediction per model version, asset, horizon and target time (the job''s idempotency key)';
