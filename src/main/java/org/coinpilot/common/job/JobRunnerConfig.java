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

    /**
     * Whether this process schedules the jobs itself (the default). {@code false} on a platform that scales the
     * service to zero: nothing is scheduled in-process, and each job is started from outside by {@code job run NAME}
     * (a Kubernetes CronJob per job, docs/deploy.md); admins can still start runs through the API.
     */
    @WithDefault("true")
    boolean inProcess();

    /**
     * How long shutdown waits for the runs in flight to finish before it records them as interrupted and releases their
     * locks. Keep it below {@code quarkus.shutdown.timeout} plus the platform's grace period.
     */
    @WithDefault("PT10S")
    Duration shutdownGrace();

    /**
     * How long after start the interval-scheduled jobs first fire: the n-th job (in name order) after this plus n ×
     * {@link #firstRunStep()}. A cold start serves its first requests before the jobs run, and the jobs do not all
     * take pool connections at the same instant (each run holds its lock connection and a working one).
     */
    @WithDefault("PT20S")
    Duration firstRunDelay();

    /** The spacing of the jobs' first runs after {@link #firstRunDelay()}. */
    @WithDefault("PT2S")
    Duration firstRunStep();
}
