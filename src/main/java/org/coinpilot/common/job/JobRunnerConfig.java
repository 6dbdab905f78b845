package org.coinpilot.common.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the job runner itself. */
@ConfigMapping(prefix = "coinpilot.job-runner")
public interface JobRunnerConfig {

    /** Longest a single run may take before it is failed and its lock released. */
    @WithDefault("PT30M")
    Duration timeout();

    /**
     * First key of the two-key PostgreSQL advisory lock taken per job ({@code pg_try_advisory_lock(ns,
     * hashtext(name))}), so that the job locks do not collide with other advisory locks.
     */
    @WithDefault("7301")
    int lockNamespace();
}
