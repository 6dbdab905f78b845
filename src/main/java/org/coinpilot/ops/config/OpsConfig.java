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
