package org.coinpilot.ops.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.RunStatus;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.domain.BackgroundTask;
import org.coinpilot.ops.domain.SystemHealth;
import org.coinpilot.ops.persistence.BackgroundTaskRepository;
import org.coinpilot.ops.persistence.DatabaseProbeRepository;
import org.coinpilot.ops.persistence.SystemHealthRepository;

/**
 * Takes a health snapshot of the service and stores it in {@code system_health}: database status and
 * latency, the connection pool, JVM memory, the newest run of every job, recent job failures, and an
 * overall score ({@link HealthScore}).
 */
@ApplicationScoped
public class HealthSnapshotService {

    private final SystemHealthRepository snapshots;
    private final BackgroundTaskRepository tasks;
    private final DatabaseProbeRepository database;
    private final Clock clock;
    private final OpsConfig config;
    private final Transactions tx;

    public HealthSnapshotService(
            SystemHealthRepository snapshots,
            BackgroundTaskRepository tasks,
            DatabaseProbeRepository database,
            Clock clock,
            OpsConfig config,
            Transactions tx) {
        this.tx = tx;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.database = database;
        this.clock = clock;
        this.config = config;
    }

    /** A summary of the stored snapshot. */
    public record Snapshot(long id, Instant checkTime, java.math.BigDecimal score, double latencyMs) {}

    public Uni<Snapshot> snapshot() {
        Instant now = Times.now(clock);
        return tx.statement(database::pingNanos)
                .chain(nanos -> tx.statement(database::facts).map(facts -> new Probe(nanos / 1_000_000.0, facts)))
                .chain(probe -> tx.write(() -> tasks.findLatestPerTask()
                        .chain(latest -> tasks.findFailedSince(now.minus(Duration.ofHours(24)), 10)
                                .map(failed -> build(now, probe, latest, failed)))
                        .chain(snapshots::persist)))
                .map(saved -> new Snapshot(
                        saved.id,
                        saved.checkTime,
                        saved.overallHealthScore,
                        ((Number) saved.databaseStatus.get("latencyMs")).doubleValue()));
    }

    private record Probe(double latencyMs, DatabaseProbeRepository.DatabaseFacts facts) {}

    private SystemHealth build(Instant now, Probe probe, List<BackgroundTask> latest, List<BackgroundTask> failed) {
        MemoryMXBean memoryBean = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memoryBean.getHeapMemoryUsage();
        MemoryUsage nonHeap = memoryBean.getNonHeapMemoryUsage();
        long heapMax = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double heapRatio = heapMax > 0 ? (double) heap.getUsed() / heapMax : 0;

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("status", "UP");
        db.put("latencyMs", round(probe.latencyMs()));
        db.put("version", probe.facts().version());
        db.put("sizeBytes", probe.facts().sizeBytes());
        db.put("connections", probe.facts().connections());
        db.put("activeConnections", probe.facts().activeConnections());
        db.put("pool", Map.of("size", tx.connections(), "maxSize", config.poolMaxSize()));

        Map<String, Object> jobs = new LinkedHashMap<>();
        int failedJobs = 0;
        for (BackgroundTask task : latest) {
            JobRun run = BackgroundTaskService.toRun(task);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("taskId", run.taskId());
            entry.put("status", run.status().name());
            entry.put("createdAt", run.createdAt().toString());
            if (run.completedAt() != null) {
                entry.put("completedAt", run.completedAt().toString());
                entry.put("ageSeconds", Duration.between(run.completedAt(), now).toSeconds());
            }
            if (run.status() == RunStatus.FAILED) {
                failedJobs++;
            }
            jobs.put(run.job(), entry);
        }

        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("heapUsedBytes", heap.getUsed());
        performance.put("heapMaxBytes", heapMax);
        performance.put("heapUsedRatio", round(heapRatio));
        performance.put("nonHeapUsedBytes", nonHeap.getUsed());
        performance.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        performance.put("processors", Runtime.getRuntime().availableProcessors());
        performance.put(
                "systemLoadAverage",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        performance.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);

        List<Map<String, Object>> errors = new ArrayList<>();
        for (BackgroundTask task : failed) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("source", "job:" + task.taskName);
            error.put("taskId", task.id);
            error.put("at", (task.completedAt == null ? task.createdAt : task.completedAt).toString());
            error.put("message", task.errorMessage);
            errors.add(error);
        }

        SystemHealth health = new SystemHealth();
        health.checkTime = now;
        health.apiStatus = Map.of("status", "UP");
        health.databaseStatus = db;
        health.dataPipelineStatus = Map.of("jobs", jobs);
        health.performanceMetrics = performance;
        health.errorLogs = Map.of("errors", errors);
        health.overallHealthScore = HealthScore.compute(true, probe.latencyMs(), heapRatio, latest.size(), failedJobs);
        return health;
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
