package org.coinpilot.common.job;

import io.smallrye.mutiny.Uni;

/**
 * A background job: a CDI bean with a unique name whose body returns a {@link JobResult}. Jobs do not
 * record themselves, lock, or schedule: {@link JobRunner} does that for every job. Its schedule lives in one place,
 * the configuration ({@code coinpilot.jobs."NAME".every | .cron | .enabled | .then}, application.properties);
 * start-up fails when a job has neither {@code every} nor {@code cron}.
 */
public interface Job {

    /** Unique dotted name, {@code <feature>.<what>}, e.g. {@code ops.health-snapshot}. */
    String name();

    /** One line saying what the job does (shown by {@code GET /api/v1/admin/jobs}). */
    String description();

    /** The {@code background_tasks.task_type}: data_sync, model_training, cleanup, maintenance or analysis. */
    String taskType();

    /**
     * The job body. It runs on a Vert.x context; it opens its own transactions through its feature's
     * service and must not block.
     */
    Uni<JobResult> run(JobContext context);
}
