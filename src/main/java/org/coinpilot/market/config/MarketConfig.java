package org.coinpilot.market.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Market data settings ({@code coinpilot.market.*}). */
@ConfigMapping(prefix = "coinpilot.market")
public interface MarketConfig {

    /** Where candles come from: {@code simulated} (offline random walk) or {@code binance} (live). */
    @WithDefault("simulated")
    @Pattern(regexp = "simulated|binance")
    String provider();

    /** Longest wait for one HTTP call to a provider (then it counts as failed and may be retried). */
    @WithDefault("PT10S")
    Duration callTimeout();

    /** Candle ingestion. */
    Ingest ingest();

    /** Moving old candles to {@code price_data_archive}. */
    Archive archive();

    /** The CoinGecko catalogue sync. */
    Catalogue catalogue();

    /** Dev and demo: a few supported assets on start, so the offline pipeline has series to fill. */
    DemoSeed demoSeed();

    interface DemoSeed {
        /** Create BTC, ETH and SOL (supported) on start when they do not exist yet. */
        @WithDefault("false")
        boolean enabled();
    }

    /** Binance politeness. */
    Binance binance();

    /** The simulated provider. */
    Simulated simulated();

    /** Candle reads. */
    Candles candles();

    interface Ingest {
        /** Timeframe codes fetched for every supported asset. */
        @WithDefault("1h,4h,1d")
        List<String> timeframes();

        /** How many candles of history a new series starts with. */
        @WithDefault("500")
        @Min(1)
        @Max(100_000)
        int historyCandles();

        /** Candles per provider request and per upsert statement (Binance serves at most 1000). */
        @WithDefault("1000")
        @Min(1)
        @Max(1000)
        int pageSize();

        /** Requests per series and run at most (bounds a run; the next run continues). */
        @WithDefault("50")
        @Min(1)
        int maxPagesPerSeries();

        /** Backfill attempts of a gap before it is left recorded as a known hole. */
        @WithDefault("5")
        @Min(1)
        int maxGapAttempts();
    }

    interface Archive {
        /** Retention of {@code price_data} per timeframe code; timeframes not listed are never archived. */
        Map<String, Duration> retention();

        /** Rows moved per statement. */
        @WithDefault("5000")
        @Min(1)
        int batchSize();

        /** Statements per run at most. */
        @WithDefault("200")
        @Min(1)
        int maxBatches();
    }

    interface Catalogue {
        /** How many assets of CoinGecko's market-cap ranking are synced. */
        @WithDefault("100")
        @Min(1)
        @Max(250)
        int topN();

        /** Coin detail requests (description, links) per run: details are refreshed at a slower pace. */
        @WithDefault("5")
        @Min(0)
        int detailsPerRun();

        /** Assets ranked at most this are marked supported (ingested) when first created by the sync. */
        @WithDefault("20")
        @Min(0)
        int supportTopN();
    }

    interface Binance {
        /** The request-weight limit per minute (Binance's documented REQUEST_WEIGHT). */
        @WithDefault("6000")
        @Min(1)
        int weightLimit();

        /** Fraction of the limit we allow ourselves; above it calls wait for the next minute. */
        @WithDefault("0.8")
        @DecimalMin("0.1")
        @DecimalMax("1.0")
        double weightSafety();

        /** A 429's Retry-After up to this long is waited out; a longer one fails the call. */
        @WithDefault("PT60S")
        Duration maxWait();

        /** Quote asset of the traded pair when an asset has no {@code external_ids.binance}. */
        @WithDefault("USDT")
        String quoteAsset();
    }

    interface Simulated {
        /** Seed of the random walk: the same seed gives the same market. */
        @WithDefault("42")
        long seed();
    }

    interface Candles {
        /** Candles returned when {@code limit} is absent. */
        @WithDefault("100")
        @Min(1)
        @Max(1000)
        int defaultLimit();

        /** The in-memory cache of the newest candles per series, for "latest N" reads. */
        Cache cache();
    }

    interface Cache {
        /** Serve "latest N" reads (no {@code to}, no indicators) from memory. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Longest life of a cached series. Writes through this process invalidate at once; writes by another
         * replica show here within this bound, so keep it at most the ingestion interval.
         */
        @WithDefault("PT30S")
        Duration ttl();

        /** Newest candles kept per series (reads with a larger {@code limit} go to the database). */
        @WithDefault("500")
        @Min(1)
        @Max(1000)
        int size();

        /** Series kept at most (about 0.3 MB per 1000 candles); beyond it reads are not cached. */
        @WithDefault("2000")
        @Min(1)
        int maxSeries();
    }
}
