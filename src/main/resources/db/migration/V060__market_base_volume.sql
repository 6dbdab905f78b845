-- Feature: market (price_data, price_data_archive); docs/market.md "Volume", docs/schema.md "Added columns"
--
-- Base-asset and quote-asset volume, kept exactly as the source gave them, beside the seed's USD volume.
-- price_data.volume stays what the seed says (USD, numeric(30,2)): the quote volume rounded to cents when the source
-- gives one, else close x base volume rounded to cents (an estimate, recognisable by quote_volume IS NULL while
-- base_volume IS NOT NULL). Volume indicators (OBV, VWAP, MFI) are defined on base-asset volume, as TA-Lib's users
-- and charting platforms compute them, so they read base_volume.
--
-- Plain numeric keeps the value and its scale as sent ('27174.29903000' reads back as 27174.29903000, Binance's
-- own text); the checks bound what any writer can store to what the application accepts (at most 28 integer digits,
-- like volume numeric(30,2), and 18 decimals: more are rounded HALF_EVEN by the application, CandleColumn).
-- Rows stored before this migration have no base or quote volume (NULL): the indicators that need base volume say
-- so instead of inventing one; re-importing those candles with their base volume fills the columns.

ALTER TABLE price_data
    ADD COLUMN base_volume  numeric
        CONSTRAINT ck_price_data_base_volume
            CHECK (base_volume >= 0 AND base_volume < 1e28 AND scale(base_volume) <= 18),
    ADD COLUMN quote_volume numeric
        CONSTRAINT ck_price_data_quote_volume
            CHECK (quote_volume >= 0 AND quote_volume < 1e28 AND scale(quote_volume) <= 18);

ALTER TABLE price_data_archive
    ADD COLUMN base_volume  numeric
        CONSTRAINT ck_price_data_archive_base_volume
            CHECK (base_volume >= 0 AND base_volume < 1e28 AND scale(base_volume) <= 18),
    ADD COLUMN quote_volume numeric
        CONSTRAINT ck_price_data_archive_quote_volume
            CHECK (quote_volume >= 0 AND quote_volume < 1e28 AND scale(quote_volume) <= 18);

COMMENT ON COLUMN price_data.base_volume IS
    'added: base-asset volume (BTC of BTCUSDT) exactly as the source gave it; NULL when unknown (rows stored before V060)';
COMMENT ON COLUMN price_data.quote_volume IS
    'added: quote-asset volume (USDT of BTCUSDT) exactly as the source gave it; NULL when the source gave none (volume is then close x base_volume)';
COMMENT ON COLUMN price_data_archive.base_volume IS 'added: as price_data.base_volume';
COMMENT ON COLUMN price_data_archive.quote_volume IS 'added: as price_data.quote_volume';

-- A change of base volume changes OBV, VWAP and MFI of that candle and of every later one: the reset trigger of
-- V040 compares it too (same function otherwise).
CREATE OR REPLACE FUNCTION market_reset_indicators_after_update() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;
    END IF;
    UPDATE price_data p
    SET technical_indicators = NULL
    FROM (SELECT n.crypto_id, n.timeframe, min(least(n.candle_time, o.candle_time)) AS since
          FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (o.open_price, o.high_price, o.low_price, o.close_price, o.volume, o.base_volume, o.candle_time,
                 o.crypto_id, o.timeframe)
                IS DISTINCT FROM
                (n.open_price, n.high_price, n.low_price, n.close_price, n.volume, n.base_volume, n.candle_time,
                 n.crypto_id, n.timeframe)
          GROUP BY n.crypto_id, n.timeframe) c
    WHERE p.crypto_id = c.crypto_id AND p.timeframe = c.timeframe AND p.candle_time >= c.since;
    RETURN NULL;
END
$$;

-- Stored values computed from USD volume (OBV, VWAP and MFI before this migration; VWAP was also anchored at the
-- first stored candle) are wrong now: every live row of a series that stored any of them is reset (also the rows
-- that had none yet, e.g. in MFI's warm-up), and the job indicators.compute recomputes them from base volume
-- (docs/indicators.md "Stored values"); archived rows cannot be recomputed, so those values are dropped from them
-- (their other indicators stay).
UPDATE price_data p SET technical_indicators = NULL
FROM (SELECT DISTINCT crypto_id, timeframe FROM price_data
      WHERE technical_indicators ?| ARRAY ['OBV', 'VWAP', 'MFI']) s
WHERE p.crypto_id = s.crypto_id AND p.timeframe = s.timeframe AND p.technical_indicators IS NOT NULL;

UPDATE price_data_archive SET technical_indicators = technical_indicators - 'OBV' - 'VWAP' - 'MFI'
WHERE technical_indicators ?| ARRAY ['OBV', 'VWAP', 'MFI'];
