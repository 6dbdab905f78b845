package org.coinpilot.ops.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.RunStatus;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Times;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.market.domain.SeriesFreshness;
import org.coinpilot.market.service.MarketFreshnessService;
import org.coinpilot.ops.api.HealthHistoryQuery;
import org.coinpilot.ops.api.HealthSnapshotResponse;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.domain.BackgroundTask;
import org.coinpilot.ops.domain.SystemHealth;
import org.coinpilot.ops.persistence.BackgroundTaskRepository;
import org.coinpilot.ops.persistence.DatabaseProbeRepository;
import org.coinpilot.ops.persistence.RequestStatsRepository;
import org.coinpilot.ops.persistence.SystemHealthRepository;
import org.coinpilot.prediction.service.ModelRegistryService;
import org.coinpilot.prediction.service.ModelRegistryService.ActiveModel;

/**
 * Takes a health snapshot of the service and stores it in {@code system_health} (docs/operations.md, "Health"): API
 * error rates over the last {@code coinpilot.ops.health.error-window} (from {@code api_request_stats}, every replica's
 * flushed counts), the database (round trip of {@code SELECT 1}, pool, size, connections), the active models and how
 * long ago they were trained and last predicted (through prediction's registry), the data pipeline (freshness and open
 * gaps of every ingested timeframe through market's {@link MarketFreshnessService}, and the newest run of every job),
 * JVM memory, recent job failures, and the overall score ({@link HealthScore}).
 */
@ApplicationScoped
public class HealthSnapshotService {

    private final SystemHealthRepository snapshots;
    private final BackgroundTaskRepository tasks;
    private final DatabaseProbeRepository database;
    private final RequestStatsRepository requests;
    private final MarketFreshnessService market;
    private final ModelRegistryService models;
    private final Clock clock;
    private final OpsConfig config;
    private final Transactions tx;

    public HealthSnapshotService(
            SystemHealthRepository snapshots,
            BackgroundTaskRepository tasks,
            DatabaseProbeRepository database,
            RequestStatsRepository requests,
            MarketFreshnessService market,
            ModelRegistryService models,
            Clock clock,
            OpsConfig config,
            Transactions tx) {
        this.tx = tx;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.database = database;
        this.requests = requests;
        this.market = market;
        this.models = models;
        this.clock = clock;
        this.config = config;
    }

    /** A summary of the stored snapshot. */
    public record Snapshot(long id, Instant checkTime, BigDecimal score, double latencyMs) {}

    private record Probe(
            double latencyMs,
            DatabaseProbeRepository.DatabaseFacts facts,
            RequestStatsRepository.StatusCounts statuses,
            List<SeriesFreshness> freshness,
            List<ActiveModel> models) {}

    public Uni<Snapshot> snapshot() {
        Instant now = Times.now(clock);
        Instant windowStart = now.minus(config.health().errorWindow());
        return tx.statement(database::pingNanos)
                .chain(nanos -> tx.statement(database::facts)
                        .chain(facts -> tx.statement(client ->
                                        requests.statusCounts(client, RequestStatsService.bucketOf(windowStart)))
                                .chain(statuses -> market.freshness(
                                                config.health().staleAfterCandles())
                                        .chain(freshness -> models.activeModels()
                                                .map(active -> new Probe(
                                                        nanos / 1_000_000.0, facts, statuses, freshness, active))))))
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

    /** The newest snapshot; 404 when none was taken yet. */
    public Uni<HealthSnapshotResponse> latest() {
        return tx.read(() -> snapshots.findLatest()).map(found -> {
            if (found == null) {
                throw new ResourceNotFoundException("HEALTH_SNAPSHOT_NOT_FOUND", "No health snapshot was taken yet.");
            }
            return response(found);
        });
    }

    /** The snapshots taken in [from, to), newest first. */
    public Uni<PageResponse<HealthSnapshotResponse>> history(HealthHistoryQuery query, PageQuery page) {
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        return tx.read(() -> {
            Uni<Long> total = page.includeTotal
                    ? snapshots.count(from, to)
                    : Uni.createFrom().nullItem();
            return total.chain(count -> snapshots
                    .findPage(from, to, page)
                    .map(rows -> PageResponse.of(
                            rows.stream().map(HealthSnapshotService::response).toList(), page, count)));
        });
    }

    /** Freshness of the ingested candle series now, for the {@code data} health group. */
    public Uni<List<SeriesFreshness>> dataFreshness() {
        return market.freshness(config.health().staleAfterCandles());
    }

    static HealthSnapshotResponse response(SystemHealth h) {
        return new HealthSnapshotResponse(
                h.id,
                h.checkTime,
                h.overallHealthScore,
                h.apiStatus,
                h.databaseStatus,
                h.mlModelsStatus,
                h.dataPipelineStatus,
                h.performanceMetrics,
                h.errorLogs);
    }

    private SystemHealth build(Instant now, Probe probe, List<BackgroundTask> latest, List<BackgroundTask> failed) {
        MemoryMXBean memoryBean = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memoryBean.getHeapMemoryUsage();
        MemoryUsage nonHeap = memoryBean.getNonHeapMemoryUsage();
        long heapMax = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double heapRatio = heapMax > 0 ? (double) heap.getUsed() / heapMax : 0;

        RequestStatsRepository.StatusCounts statuses = probe.statuses();
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("status", "UP");
        api.put("windowSeconds", config.health().errorWindow().toSeconds());
        api.put("requests", statuses.total());
        api.put("clientErrors", statuses.clientErrors());
        api.put("serverErrors", statuses.serverErrors());
        api.put("clientErrorRate", rate(statuses.clientErrors(), statuses.total()));
        api.put("serverErrorRate", rate(statuses.serverErrors(), statuses.total()));

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("status", "UP");
        db.put("latencyMs", round(probe.latencyMs()));
        db.put("version", probe.facts().version());
        db.put("sizeBytes", probe.facts().sizeBytes());
        db.put("connections", probe.facts().connections());
        db.put("activeConnections", probe.facts().activeConnections());
        int poolSize = tx.connections();
        db.put(
                "pool",
                Map.of(
                        "size", poolSize,
                        "maxSize", config.poolMaxSize(),
                        "usage", round(config.poolMaxSize() > 0 ? (double) poolSize / config.poolMaxSize() : 0)));

        Duration trainedWithin = config.health().modelTrainedWithin();
        int staleModels = 0;
        List<Map<String, Object>> modelEntries = new ArrayList<>();
        for (ActiveModel model : probe.models()) {
            boolean stale = model.lastTrained() == null || model.lastTrained().isBefore(now.minus(trainedWithin));
            if (stale) {
                staleModels++;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", model.id());
            entry.put("name", model.name());
            entry.put("version", model.version());
            entry.put("modelType", model.modelType());
            entry.put(
                    "lastTrained",
                    model.lastTrained() == null ? null : model.lastTrained().toString());
            entry.put("trainedAgeSeconds", age(model.lastTrained(), now));
            entry.put(
                    "lastPrediction",
                    model.lastPrediction() == null
                            ? null
                            : model.lastPrediction().toString());
            entry.put("predictionAgeSeconds", age(model.lastPrediction(), now));
            entry.put("stale", stale);
            modelEntries.add(entry);
        }
        Map<String, Object> modelStatus = new LinkedHashMap<>();
        modelStatus.put("active", probe.models().size());
        modelStatus.put("stale", staleModels);
        modelStatus.put("trainedWithinSeconds", trainedWithin.toSeconds());
        modelStatus.put("models", modelEntries);

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
        long series = 0;
        long staleSeries = 0;
        Map<String, Object> freshness = new LinkedHashMap<>();
        for (SeriesFreshness f : probe.freshness()) {
            series += f.series();
            staleSeries += f.stale();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("series", f.series());
            entry.put("stale", f.stale());
            entry.put("withoutCandles", f.withoutCandles());
            entry.put("newestCandle", f.newest() == null ? null : f.newest().toString());
            entry.put(
                    "oldestNewestCandle", f.oldest() == null ? null : f.oldest().toString());
            entry.put(
                    "lagSeconds",
                    f.oldest() == null
                            ? null
                            : Duration.between(f.oldest().plus(f.timeframe().duration()), now)
                                    .toSeconds());
            entry.put("openGaps", f.openGaps());
            entry.put("missingCandles", f.missingCandles());
            freshness.put(f.timeframe().code(), entry);
        }
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("status", staleSeries == 0 ? "UP" : "DEGRADED");
        pipeline.put("staleAfterCandles", config.health().staleAfterCandles());
        pipeline.put("freshness", freshness);
        pipeline.put("jobs", jobs);

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

        HealthScore.Inputs inputs = new HealthScore.Inputs(
                true,
                probe.latencyMs(),
                heapRatio,
                latest.size(),
                failedJobs,
                statuses.total(),
                statuses.serverErrors(),
                series,
                staleSeries,
                probe.models().size(),
                staleModels);

        SystemHealth health = new SystemHealth();
        health.checkTime = now;
        health.apiStatus = compact(api);
        health.databaseStatus = compact(db);
        health.mlModelsStatus = compact(modelStatus);
        health.dataPipelineStatus = compact(pipeline);
        health.performanceMetrics = compact(performance);
        health.errorLogs = compact(Map.of("errors", errors));
        health.overallHealthScore = HealthScore.compute(inputs);
        return health;
    }

    /** The map without its null members, at every depth: an absent member reads as "unknown". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compact(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                out.put(key, compactValue(value));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object compactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return compact((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(java.util.Objects::nonNull)
                    .map(HealthSnapshotService::compactValue)
                    .toList();
        }
        return value;
    }

    private static Long age(Instant at, Instant now) {
        return at == null ? null : Duration.between(at, now).toSeconds();
    }

    private static double rate(long part, long total) {
        return total == 0 ? 0 : round((double) part / total);
    }

    private static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
