-- Feature: market
-- What market publishes to the other features' SQL (docs/architecture.md, "Who owns what"): read-only views with a
-- fixed column list. They are plain views over market's tables, so the planner flattens them into the calling
-- statement: index scans on price_data (crypto_id, timeframe, candle_time) stay what they were.

CREATE VIEW market_assets AS
SELECT id, symbol, name, is_active, is_supported
FROM cryptocurrencies;

COMMENT ON VIEW market_assets IS
    'market publishes: the asset catalogue (id, symbol, name, active, supported) for other features'' SQL';

CREATE VIEW market_candles AS
SELECT id, crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume,
       technical_indicators
FROM price_data;

COMMENT ON VIEW market_candles IS
    'market publishes: the live (not archived) closed candles with their stored indicators, for other features'' SQL';
