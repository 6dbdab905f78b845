package org.coinpilot.common.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Job schedules: {@code coinpilot.jobs."ops.health-snapshot".every=5m} (or {@code .cron=0 0 * * * ?}),
 * {@code .enabled=false} to stop scheduling a job (it can still be run by an admin or the CLI).
 * As environment variables: {@code COINPILOT_JOBS__OPS_HEALTH_SNAPSHOT__EVERY=1m}.
 */
@ConfigMapping(prefix = "coinpilot.jobs")
public interface JobsConfig {

    /** Per job name. */
    @WithParentName
    Map<String, Schedule> jobs();

    interface Schedule {
        /** Fixed interval, e.g. {@code 30s}, {@code 5m}, {@code PT1H}. */
        Optional<String> every();

        /** Quartz-style cron; wins over {@code every}. */
        Optional<String> cron();

        /** Jobs to run, in order, each time this one completes (e.g. indicators after candle ingestion). */
        Optional<List<String>> then();

        /** Whether the scheduler runs it. */
        @WithDefault("true")
        boolean enabled();
    }
}
