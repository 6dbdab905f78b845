-- The limit of the scoring benchmark (bench/predictions/score.sh): ONE set-based statement doing the arithmetic of
-- the job's batch statement (ScoringSqlRepository.SCORE_BATCH) on every due prediction at once, with no batching,
-- ordering or row locks. :now is the scoring time.
UPDATE predictions p
SET actual_price = c.close_price,
    absolute_error = abs(c.close_price - p.predicted_price),
    squared_error = (c.close_price - p.predicted_price) * (c.close_price - p.predicted_price),
    accuracy_percentage = greatest(0, round(100 * (1 - abs(c.close_price - p.predicted_price) / c.close_price), 4)),
    is_accurate = CASE WHEN p.accuracy_threshold IS NULL THEN NULL
                       ELSE abs(c.close_price - p.predicted_price) * 100 <= p.accuracy_threshold * c.close_price END,
    is_realized = true,
    evaluated_at = :'now'::timestamptz
FROM ai_models m, market_candles c
WHERE m.id = p.ai_models_id
  AND c.crypto_id = p.crypto_id
  AND c.timeframe = m.training_data_timeframe
  AND c.candle_time = p.target_datetime - CASE m.training_data_timeframe
        WHEN '1m' THEN interval '1 minute' WHEN '5m' THEN interval '5 minutes'
        WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour'
        WHEN '4h' THEN interval '4 hours' WHEN '1d' THEN interval '1 day'
        WHEN '1w' THEN interval '7 days' END
  AND NOT p.is_realized
  AND p.target_datetime <= :'now'::timestamptz
  AND p.predicted_price IS NOT NULL;
