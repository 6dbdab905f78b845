package org.coinpilot.sector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/** Sector settings ({@code coinpilot.sector.*}); the jobs' schedules are under {@code coinpilot.jobs."sector.*"}. */
@ConfigMapping(prefix = "coinpilot.sector")
public interface SectorConfig {

    /** Longest wait for one HTTP call to CoinGecko (then it counts as failed and may be retried). */
    @WithDefault("PT10S")
    Duration callTimeout();

    /** Longest Retry-After pause a call waits out after a 429; a longer one fails the call. */
    @WithDefault("PT2M")
    Duration maxWait();

    /** Importing sector membership from CoinGecko categories. */
    Import importing();

    /** The performance job. */
    Performance performance();

    /** The rotation job. */
    Rotation rotation();

    interface Import {
        /** Assets the {@code sector.mapping.import} job imports per run (supported assets without a sector). */
        @WithDefault("10")
        @Min(1)
        @Max(100)
        int assetsPerRun();
    }

    interface Performance {
        /** The candle timeframe the 24 h / 7 d / 30 d changes and volumes are read from. */
        @WithDefault("1h")
        @Pattern(regexp = "1h|4h|1d")
        String timeframe();

        /** An asset whose latest candle closed longer ago than this is left out of the run (listed as stale). */
        @WithDefault("PT3H")
        Duration staleAfter();

        /** How many leaders and laggards performance_metrics names. */
        @WithDefault("3")
        @Min(1)
        @Max(20)
        int leaders();
    }

    interface Rotation {
        /** Only performance snapshots younger than this take part. */
        @WithDefault("PT3H")
        Duration maxSnapshotAge();

        /** The previous snapshot of the persistence rule is at least this much older than the latest. */
        @WithDefault("PT20H")
        Duration previousAtLeast();

        /** Gate G1: B's 7-day performance minus A's, percentage points. */
        @WithDefault("5")
        @DecimalMin("0")
        double minSpread7d();

        /** Gate G2: B's volume change minus A's, percentage points. */
        @WithDefault("10")
        @DecimalMin("0")
        double minFlowSpread();

        /** A 7-day spread this wide gives the full strength share. */
        @WithDefault("20")
        @DecimalMin("0.01")
        double strongSpread7d();

        /** A volume-change spread this wide gives the full strength share. */
        @WithDefault("100")
        @DecimalMin("0.01")
        double strongFlowSpread();

        /** At most this many rotations are stored per run (the strongest). */
        @WithDefault("10")
        @Min(1)
        @Max(100)
        int maxPairs();
    }
}
