-- Feature: market (price_data), for the indicators feature's stored values (docs/indicators.md, "Stored values")
--
-- Rule: a candle that is inserted, or whose OHLCV changes, makes the stored technical_indicators of that candle
-- AND of every later candle of its series (crypto_id, timeframe) stale, because recursive indicators (EMA, RSI,
-- MACD, ATR, ...) depend on the whole history. These statement-level triggers reset them to NULL in one statement
-- per writing statement, whoever writes (ingestion upsert, gap backfill, admin import). The job
-- indicators.compute recomputes every NULL value. Every reset row gets a new updated_at (trg_price_data_updated_at),
-- which the job uses as an optimistic version so that a value computed from stale candles is never written.

CREATE FUNCTION market_reset_indicators_after_insert() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;
    END IF;
    UPDATE price_data p
    SET technical_indicators = NULL
    FROM (SELECT crypto_id, timeframe, min(candle_time) AS since
          FROM inserted_rows GROUP BY crypto_id, timeframe) c
    WHERE p.crypto_id = c.crypto_id AND p.timeframe = c.timeframe AND p.candle_time >= c.since
      AND NOT EXISTS (SELECT 1 FROM inserted_rows i WHERE i.id = p.id AND i.technical_indicators IS NULL);
    RETURN NULL;
END
$$;

CREATE FUNCTION market_reset_indicators_after_update() RETURNS trigger
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
          WHERE (o.open_price, o.high_price, o.low_price, o.close_price, o.volume, o.candle_time, o.crypto_id,
                 o.timeframe)
                IS DISTINCT FROM
                (n.open_price, n.high_price, n.low_price, n.close_price, n.volume, n.candle_time, n.crypto_id,
                 n.timeframe)
          GROUP BY n.crypto_id, n.timeframe) c
    WHERE p.crypto_id = c.crypto_id AND p.timeframe = c.timeframe AND p.candle_time >= c.since;
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_price_data_reset_indicators_insert
    AFTER INSERT ON price_data
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION market_reset_indicators_after_insert();

CREATE TRIGGER trg_price_data_reset_indicators_update
    AFTER UPDATE ON price_data
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION market_reset_indicators_after_update();

-- The job's work list: candles whose indicators are pending (a small partial index).
CREATE INDEX ix_price_data_indicators_pending ON price_data (crypto_id, timeframe, candle_time)
    WHERE technical_indicators IS NULL;
