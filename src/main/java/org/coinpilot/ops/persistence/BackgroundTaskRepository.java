package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.ops.domain.BackgroundTask;

/** Queries of {@code background_tasks}. */
@ApplicationScoped
public class BackgroundTaskRepository implements PanacheRepositoryBase<BackgroundTask, Long> {

    /** Filter of the task list: each null field is not applied. */
    public record Filter(String taskName, String status) {}

    public Uni<List<BackgroundTask>> findPage(Filter filter, PageQuery page) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    /** The newest run of each job name. */
    public Uni<List<BackgroundTask>> findLatestPerTask() {
        return list("id in (select max(t.id) from BackgroundTask t group by t.taskName) order by taskName");
    }

    /** Failed runs since {@code since}, newest first. */
    public Uni<List<BackgroundTask>> findFailedSince(Instant since, int limit) {
        return find(
                        "status = 'failed' and createdAt >= :since order by createdAt desc, id desc",
                        Parameters.with("since", since))
                .page(0, limit)
                .list();
    }

    /**
     * Records as FAILED the runs of {@code taskName} other than {@code runningId} that are still RUNNING, or still
     * PENDING and created before {@code pendingBefore}; returns how many.
     */
    public Uni<Integer> failInterrupted(
            String taskName, long runningId, Instant pendingBefore, Instant completedAt, String error) {
        return update(
                "status = 'failed', errorMessage = :error, completedAt = :completedAt"
                        + " where taskName = :name and id <> :id"
                        + " and (status = 'running' or (status = 'pending' and createdAt < :pendingBefore))",
                Parameters.with("error", error)
                        .and("completedAt", completedAt)
                        .and("name", taskName)
                        .and("id", runningId)
                        .and("pendingBefore", pendingBefore));
    }

    /** One run RUNNING → FAILED with {@code error} (shutdown); 0 when it is no longer running. */
    public Uni<Integer> failIfRunning(long id, String error, Instant completedAt) {
        return update(
                "status = 'failed', errorMessage = :error, completedAt = :completedAt where id = :id and status ="
                        + " 'running'",
                Parameters.with("error", error).and("completedAt", completedAt).and("id", id));
    }

    /** Runs of {@code taskName} other than {@code exceptId}, started by the scheduler, that started in [from, to). */
    public Uni<Long> countScheduledStarted(String taskName, long exceptId, Instant from, Instant to) {
        return count(
                "taskName = :name and id <> :id and triggeredBy = 'schedule' and startedAt >= :from and startedAt < :to",
                Parameters.with("name", taskName)
                        .and("id", exceptId)
                        .and("from", from)
                        .and("to", to));
    }

    private static HqlFilter where(Filter filter) {
        return new HqlFilter()
                .equal("taskName", "taskName", filter.taskName())
                .equal("status", "status", filter.status());
    }
}
