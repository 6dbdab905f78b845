-- Feature: macro (layer 1). Each series is daily: one row per UTC day (the day a value describes), so that imports
-- and ingestion are idempotent upserts on the day, history pages by day, and the regime of a day can be recomputed
-- from what was known on it (docs/macro.md). The seed's tables have only created_at, which says when a row was
-- written, not which day it describes.
-- Tables: market_sentiment_data, dominance_data, macro_indicators, market_regime_analysis

ALTER TABLE market_sentiment_data
    ADD COLUMN observed_on    date,
    ADD COLUMN provider       varchar(64),
    ADD COLUMN classification varchar(64);

COMMENT ON COLUMN market_sentiment_data.observed_on IS 'the UTC day the fear & greed value is for';
COMMENT ON COLUMN market_sentiment_data.provider IS 'where the value came from, e.g. alternative.me';
COMMENT ON COLUMN market_sentiment_data.classification IS 'the provider''s label exactly as received (e.g. Extreme Fear)';

CREATE UNIQUE INDEX uq_market_sentiment_data_day ON market_sentiment_data (observed_on);

ALTER TABLE dominance_data
    ADD COLUMN observed_on          date,
    ADD COLUMN total_market_cap_usd numeric(30,2)
        CONSTRAINT ck_dominance_data_total_market_cap CHECK (total_market_cap_usd >= 0),
    ADD COLUMN source               varchar(64);

COMMENT ON COLUMN dominance_data.observed_on IS 'the UTC day of the snapshot (the newest snapshot of a day is kept)';
COMMENT ON COLUMN dominance_data.alt_dominance IS 'everything but BTC and ETH: 100 - btc - eth, null unless both are known';

CREATE UNIQUE INDEX uq_dominance_data_day ON dominance_data (observed_on);

ALTER TABLE macro_indicators
    ADD COLUMN observed_on date,
    ADD COLUMN source      varchar(64);

COMMENT ON COLUMN macro_indicators.observed_on IS 'the day of the value (market holidays have no row, never a zero)';

CREATE UNIQUE INDEX uq_macro_indicators_series_day ON macro_indicators (indicator_name, timeframe, observed_on);

ALTER TABLE market_regime_analysis
    ADD COLUMN observed_on date;

COMMENT ON COLUMN market_regime_analysis.observed_on IS 'the UTC day classified, from data known at its end';

CREATE UNIQUE INDEX uq_market_regime_analysis_day ON market_regime_analysis (observed_on);
