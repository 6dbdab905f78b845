package org.coinpilot.ops.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.JobRunRecorder;
import org.coinpilot.common.job.JobTrigger;
import org.coinpilot.common.job.RunStatus;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.ops.api.TaskQuery;
import org.coinpilot.ops.api.TaskResponse;
import org.coinpilot.ops.domain.BackgroundTask;
import org.coinpilot.ops.persistence.BackgroundTaskRepository;

/**
 * Keeps the {@code background_tasks} records: the job runner's {@link JobRunRecorder} (one transaction per
 * status change, so a run's progress is visible while it runs) and the admin task list.
 */
@ApplicationScoped
public class BackgroundTaskService implements JobRunRecorder {

    private final BackgroundTaskRepository tasks;
    private final Transactions tx;

    public BackgroundTaskService(BackgroundTaskRepository tasks, Transactions tx) {
        this.tx = tx;
        this.tasks = tasks;
    }

    @Override
    public Uni<Long> created(String job, String taskType, JobTrigger trigger, Map<String, Object> params) {
        return tx.write(() -> {
            BackgroundTask task = new BackgroundTask();
            task.taskName = job;
            task.taskType = taskType;
            task.status = RunStatus.PENDING.dbValue();
            task.triggeredBy = trigger.dbValue();
            task.taskParams = params.isEmpty() ? null : new LinkedHashMap<>(params);
            return tasks.persist(task).map(saved -> saved.id);
        });
    }

    @Override
    public Uni<Integer> running(
            long taskId, String job, Instant startedAt, Instant pendingBefore, String interruptedError) {
        return tx.write(() -> load(taskId)
                .invoke(task -> {
                    task.status = RunStatus.RUNNING.dbValue();
                    task.startedAt = startedAt;
                })
                .chain(() -> tasks.failInterrupted(job, taskId, pendingBefore, startedAt, interruptedError)));
    }

    @Override
    public Uni<Boolean> scheduledRunStarted(String job, long taskId, Instant from, Instant to) {
        return tx.read(() -> tasks.countScheduledStarted(job, taskId, from, to).map(count -> count > 0));
    }

    @Override
    public Uni<Void> finished(
            long taskId,
            RunStatus status,
            Map<String, Object> result,
            String error,
            Instant completedAt,
            BigDecimal executionSeconds) {
        return tx.write(() -> load(taskId)
                .invoke(task -> {
                    if (RunStatus.fromDb(task.status).finished()) {
                        return; // recorded as interrupted at shutdown (interrupted): a final status stays final
                    }
                    task.status = status.dbValue();
                    task.resultData = result == null ? null : new LinkedHashMap<>(result);
                    task.errorMessage = error;
                    task.completedAt = completedAt;
                    task.executionTimeSeconds = executionSeconds;
                })
                .replaceWithVoid());
    }

    @Override
    public Uni<Boolean> interrupted(long taskId, String error, Instant completedAt) {
        return tx.write(() -> tasks.failIfRunning(taskId, error, completedAt)).map(count -> count > 0);
    }

    @Override
    public Uni<Map<String, JobRun>> lastRuns() {
        return tx.read(() -> tasks.findLatestPerTask().map(list -> {
            Map<String, JobRun> byName = new LinkedHashMap<>();
            list.forEach(task -> byName.put(task.taskName, toRun(task)));
            return byName;
        }));
    }

    @Override
    public Uni<JobRun> find(long taskId) {
        return tx.read(() -> tasks.findById(taskId).map(task -> task == null ? null : toRun(task)));
    }

    /** One task; 404 when it does not exist. */
    public Uni<TaskResponse> get(long taskId) {
        return tx.read(() -> load(taskId).map(task -> TaskResponse.from(toRun(task))));
    }

    /** The task list, newest first, filtered by job name and status. */
    public Uni<PageResponse<TaskResponse>> list(TaskQuery query, PageQuery page) {
        return tx.read(() -> {
            var filter = new BackgroundTaskRepository.Filter(
                    query.name,
                    query.status == null
                            ? null
                            : RunStatus.valueOf(query.status).dbValue());
            Uni<Long> total =
                    page.includeTotal ? tasks.count(filter) : Uni.createFrom().nullItem();
            return total.chain(count -> tasks.findPage(filter, page)
                    .map(rows -> PageResponse.of(
                            rows.stream()
                                    .map(task -> TaskResponse.from(toRun(task)))
                                    .toList(),
                            page,
                            count)));
        });
    }

    private Uni<BackgroundTask> load(long taskId) {
        return tasks.findById(taskId)
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException("TASK_NOT_FOUND", "No task has id " + taskId + "."));
    }

    static JobRun toRun(BackgroundTask task) {
        return new JobRun(
                task.id,
                task.taskName,
                task.taskType,
                task.triggeredBy == null
                        ? null
                        : JobTrigger.valueOf(task.triggeredBy.toUpperCase(java.util.Locale.ROOT)),
                RunStatus.fromDb(task.status),
                task.taskParams == null ? Map.of() : task.taskParams,
                task.resultData,
                task.errorMessage,
                task.createdAt,
                task.startedAt,
                task.completedAt,
                task.executionTimeSeconds);
    }
}
