-- What GET /api/v1/assets/{symbol}/candles?timeframe=1h&limit=100 sends when nothing is cached:
-- CandleRepository.findAssetId, then CandleRepository.page(newestFirst, limit 100, no archive, no indicators).
-- The from / to / after parameters are NULL for this request; pgbench cannot bind NULL, so they are literals.
SELECT id FROM cryptocurrencies WHERE symbol = :symbol;
SELECT id, candle_time, open_price, high_price, low_price, close_price, volume FROM price_data WHERE crypto_id = :id AND timeframe = :tf AND (NULL::timestamptz IS NULL OR candle_time >= NULL::timestamptz) AND (NULL::timestamptz IS NULL OR candle_time < NULL::timestamptz) AND (NULL::timestamptz IS NULL OR candle_time > NULL::timestamptz) ORDER BY candle_time DESC LIMIT :lim;
