package org.coinpilot.ops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings read by the ops feature. */
@ConfigMapping(prefix = "coinpilot.ops")
public interface OpsConfig {

    /** The reactive pool's maximum size, reported in health snapshots. */
    @WithName("pool-max-size")
    @WithDefault("${quarkus.datasource.reactive.max-size:20}")
    int poolMaxSize();

    /** Deleting old operational rows (job {@code ops.retention}). */
    Retention retention();

    /** The API's request statistics ({@code api_request_stats}). */
    Requests requests();

    /** What health snapshots and the data health group judge. */
    Health health();

    /** The analytics roll-up (job {@code ops.analytics.rollup}). */
    Analytics analytics();

    interface Requests {
        /** How often each replica adds its in-memory counts to {@code api_request_stats}; 0 switches the timer off. */
        @WithDefault("30s")
        Duration flushInterval();
    }

    interface Health {
        /** The window of the API error rates of a snapshot. */
        @WithDefault("15m")
        Duration errorWindow();

        /**
         * A candle series is stale when its newest candle closed more than this many of its timeframe ago (1h
         * candles: 2 × 1 h), or when it has none.
         */
        @WithDefault("2")
        @Min(1)
        int staleAfterCandles();

        /** An active model is stale when it was last trained longer ago than this. */
        @WithDefault("P2D")
        Duration modelTrainedWithin();
    }

    interface Analytics {
        /** How many complete hours each run rolls up (again), the newest first; covers a missed run. */
        @WithDefault("2")
        @Min(1)
        int hours();

        /** How long {@code api_request_stats} buckets are kept once rolled up. */
        @WithDefault("P7D")
        Duration requestStatsKeep();
    }

    interface Retention {
        /**
         * Per table name ({@code background_tasks}, {@code external_api_logs}, {@code system_health}): how long its
         * rows are kept. A table not listed is never pruned; any other name fails start-up.
         */
        Map<String, Table> tables();

        /** Rows deleted per statement, unless a table sets its own. */
        @WithDefault("5000")
        @Min(1)
        int batchSize();

        /** Statements per table and run at most; what is left is deleted by the next run. */
        @WithDefault("20")
        @Min(1)
        int maxBatches();
    }

    interface Table {
        /** Rows older than this are deleted, e.g. {@code P14D}. */
        Duration keep();

        /** Whether the job prunes this table. */
        @WithDefault("true")
        boolean enabled();

        /** Rows deleted per statement for this table (default: {@code coinpilot.ops.retention.batch-size}). */
        Optional<@Min(1) Integer> batchSize();
    }
}
