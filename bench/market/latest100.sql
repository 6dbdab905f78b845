-- What GET /api/v1/assets/{symbol}/candles?timeframe=1h&limit=100 sends when the hot-series cache is off: one
-- statement, CandleRepository.LATEST (the symbol -> id lookup is answered from AssetIdCache after the first
-- request). Same text, $1 $2 $3 written as :id :tf :lim; CandleRepositorySqlTest checks that this file matches.
SELECT id, candle_time, open_price::text, high_price::text, low_price::text, close_price::text, volume::text, base_volume::text, quote_volume::text FROM price_data WHERE crypto_id = :id AND timeframe = :tf ORDER BY candle_time DESC LIMIT :lim;
