package org.coinpilot.common.job;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Where runs are recorded. Implemented by the feature that owns {@code background_tasks} ({@code ops}), so
 * that {@code common} depends on no feature. Each method is its own transaction, so that a run's status is
 * visible to others while it runs.
 */
public interface JobRunRecorder {

    /** Inserts a PENDING row and returns its id. */
    Uni<Long> created(String job, String taskType, JobTrigger trigger, Map<String, Object> params);

    /**
     * PENDING → RUNNING, with the start time; called while the run holds its job's advisory lock. In the same
     * transaction, the job's other runs still recorded as RUNNING, and those still PENDING that were created
     * before {@code pendingBefore}, become FAILED with {@code interruptedError}: a run is only RUNNING while it holds
     * the lock, so they were left by a process that stopped (crashed, killed, lost its database connection)
     * before it could record their end. Returns how many were recorded as interrupted.
     */
    Uni<Integer> running(long taskId, String job, Instant startedAt, Instant pendingBefore, String interruptedError);

    /**
     * Whether a run of {@code job} other than {@code taskId}, started by the scheduler, recorded a start in
     * {@code [from, to)}: the slot's scheduled run already happened (on any replica).
     */
    Uni<Boolean> scheduledRunStarted(String job, long taskId, Instant from, Instant to);

    /** The final status with its result or error and the execution time in seconds. */
    Uni<Void> finished(
            long taskId,
            RunStatus status,
            Map<String, Object> result,
            String error,
            Instant completedAt,
            BigDecimal executionSeconds);

    /**
     * RUNNING → FAILED with {@code error}, for a run this process is abandoning at shutdown; nothing happens when the
     * run is no longer RUNNING (it finished meanwhile). Returns whether the row changed.
     */
    Uni<Boolean> interrupted(long taskId, String error, Instant completedAt);

    /** The newest run of each job that has one, by job name. */
    Uni<Map<String, JobRun>> lastRuns();

    /** One run, or null when there is none with this id. */
    Uni<JobRun> find(long taskId);
}
