package org.coinpilot.ops.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.ops.api.AnalyticsQuery;
import org.coinpilot.ops.api.AnalyticsResponse;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.domain.AnalyticsData;
import org.coinpilot.ops.persistence.AnalyticsDataRepository;
import org.coinpilot.ops.persistence.AnalyticsSqlRepository;
import org.coinpilot.ops.persistence.AnalyticsSqlRepository.Metric;
import org.coinpilot.ops.persistence.RequestStatsRepository;

/**
 * The analytics roll-up (docs/operations.md, "Analytics"): for an hour, writes the hourly rows of that hour and the
 * daily rows of its UTC day (the day so far; complete once its last hour is rolled up) into {@code analytics_data}.
 * Every value is computed from the sources of the whole period and upserted on (category, metric, level, period,
 * dimensions), so re-running any hour rewrites the same rows with the same values (or newer ones, when late request
 * counts were flushed since).
 *
 * <ul>
 *   <li>{@code user_behavior}: {@code active_users} (distinct users with an audit event), {@code logins},
 *       {@code actions} by {@code activityType} and {@code action}, from identity's {@code identity_activity_events};
 *   <li>{@code api_usage}: {@code requests} by {@code route} template, {@code method} and {@code status}, and
 *       {@code requests_total}, from {@code api_request_stats};
 *   <li>{@code performance}: {@code latency_p50_ms}, {@code latency_p95_ms}, {@code latency_p99_ms} and
 *       {@code latency_mean_ms} by {@code route} and {@code method} (from the merged histograms), {@code job_runs} by
 *       {@code job} and {@code status}, {@code job_duration_avg_s} and {@code job_duration_max_s} by {@code job} and
 *       {@code status}, from {@code background_tasks}.
 * </ul>
 */
@ApplicationScoped
public class AnalyticsService {

    public static final String USER_BEHAVIOR = "user_behavior";
    public static final String API_USAGE = "api_usage";
    public static final String PERFORMANCE = "performance";
    public static final String HOURLY = "hourly";
    public static final String DAILY = "daily";

    private final AnalyticsSqlRepository sources;
    private final AnalyticsDataRepository rows;
    private final RequestStatsRepository requests;
    private final RequestStatsService requestStats;
    private final Transactions tx;
    private final Clock clock;
    private final OpsConfig config;

    public AnalyticsService(
            AnalyticsSqlRepository sources,
            AnalyticsDataRepository rows,
            RequestStatsRepository requests,
            RequestStatsService requestStats,
            Transactions tx,
            Clock clock,
            OpsConfig config) {
        this.sources = sources;
        this.rows = rows;
        this.requests = requests;
        this.requestStats = requestStats;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }

    /** What a roll-up wrote. */
    public record Report(List<Instant> hours, int rows, int requestStatsPruned) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("hours", hours.stream().map(Instant::toString).toList());
            map.put("rows", rows);
            map.put("requestStatsPruned", requestStatsPruned);
            return map;
        }
    }

    /**
     * The job's run: flushes this replica's request counts, rolls up the last {@code coinpilot.ops.analytics.hours}
     * complete hours (or only {@code hour} when given), and prunes request buckets past their retention.
     */
    public Uni<Report> rollup(Instant hour) {
        Instant now = Times.now(clock);
        List<Instant> hours = new ArrayList<>();
        if (hour != null) {
            hours.add(hour.truncatedTo(ChronoUnit.HOURS));
        } else {
            Instant current = now.truncatedTo(ChronoUnit.HOURS);
            for (int i = config.analytics().hours(); i >= 1; i--) {
                hours.add(current.minus(Duration.ofHours(i)));
            }
        }
        Uni<Integer> written = requestStats.flush().replaceWith(0);
        for (Instant h : hours) {
            written = written.chain(sum -> rollupHour(h).map(n -> sum + n));
        }
        Instant pruneBefore = now.minus(config.analytics().requestStatsKeep());
        return written.chain(total -> tx.statement(client -> requests.deleteBefore(client, pruneBefore))
                .map(pruned -> new Report(hours, total, pruned)));
    }

    /** Writes the hourly rows of {@code hour} and the daily rows of its day, in one transaction. */
    public Uni<Integer> rollupHour(Instant hour) {
        Instant start = hour.truncatedTo(ChronoUnit.HOURS);
        Instant day = start.truncatedTo(ChronoUnit.DAYS);
        return tx.sql(connection -> period(connection, HOURLY, start, start.plus(Duration.ofHours(1)))
                .chain(hourly -> period(connection, DAILY, day, day.plus(Duration.ofDays(1)))
                        .map(daily -> {
                            List<Metric> all = new ArrayList<>(hourly);
                            all.addAll(daily);
                            return all;
                        }))
                .chain(all -> sources.upsert(connection, all)));
    }

    private Uni<List<Metric>> period(
            io.vertx.mutiny.sqlclient.SqlConnection connection, String level, Instant from, Instant to) {
        List<Metric> metrics = new ArrayList<>();
        return sources.userTotals(connection, from, to)
                .invoke(totals -> {
                    metrics.add(metric(USER_BEHAVIOR, "active_users", totals.activeUsers(), Map.of(), level, from));
                    metrics.add(metric(USER_BEHAVIOR, "logins", totals.logins(), Map.of(), level, from));
                })
                .chain(() -> sources.actions(connection, from, to))
                .invoke(actions -> actions.forEach(a -> {
                    Map<String, Object> dims = new LinkedHashMap<>();
                    dims.put("activityType", a.activityType());
                    if (a.action() != null) {
                        dims.put("action", a.action());
                    }
                    metrics.add(metric(USER_BEHAVIOR, "actions", a.count(), dims, level, from));
                }))
                .chain(() -> requests.range(connection, from, to))
                .invoke(stats -> addRequests(metrics, stats, level, from))
                .chain(() -> sources.jobOutcomes(connection, from, to))
                .invoke(jobs -> jobs.forEach(j -> {
                    Map<String, Object> dims = Map.of("job", j.job(), "status", j.status());
                    metrics.add(metric(PERFORMANCE, "job_runs", BigDecimal.valueOf(j.runs()), dims, level, from));
                    if (j.avgSeconds() != null) {
                        metrics.add(
                                metric(PERFORMANCE, "job_duration_avg_s", scale(j.avgSeconds()), dims, level, from));
                        metrics.add(
                                metric(PERFORMANCE, "job_duration_max_s", scale(j.maxSeconds()), dims, level, from));
                    }
                }))
                .map(ignored -> metrics);
    }

    private void addRequests(List<Metric> metrics, List<RequestStatsRepository.Row> stats, String level, Instant from) {
        record Route(String route, String method) {}
        record Status(String route, String method, int status) {}
        Map<Status, Long> byStatus = new LinkedHashMap<>();
        Map<Route, long[]> histograms = new LinkedHashMap<>();
        Map<Route, double[]> sums = new LinkedHashMap<>();
        long total = 0;
        for (RequestStatsRepository.Row row : stats) {
            total += row.requests();
            byStatus.merge(new Status(row.route(), row.method(), row.status()), row.requests(), Long::sum);
            Route route = new Route(row.route(), row.method());
            long[] histogram = histograms.computeIfAbsent(route, r -> new long[LatencyHistogram.BUCKETS]);
            long[] counts = row.latencyBuckets();
            for (int i = 0; i < Math.min(counts.length, histogram.length); i++) {
                histogram[i] += counts[i];
            }
            double[] sum = sums.computeIfAbsent(route, r -> new double[2]);
            sum[0] += row.latencyMsSum();
            sum[1] += row.requests();
        }
        metrics.add(metric(API_USAGE, "requests_total", total, Map.of(), level, from));
        byStatus.forEach((key, count) -> metrics.add(metric(
                API_USAGE,
                "requests",
                count,
                Map.of("route", key.route(), "method", key.method(), "status", key.status()),
                level,
                from)));
        histograms.forEach((route, histogram) -> {
            Map<String, Object> dims = Map.of("route", route.route(), "method", route.method());
            percentile(metrics, "latency_p50_ms", histogram, 0.50, dims, level, from);
            percentile(metrics, "latency_p95_ms", histogram, 0.95, dims, level, from);
            percentile(metrics, "latency_p99_ms", histogram, 0.99, dims, level, from);
            double[] sum = sums.get(route);
            if (sum[1] > 0) {
                metrics.add(metric(PERFORMANCE, "latency_mean_ms", decimal(sum[0] / sum[1]), dims, level, from));
            }
        });
    }

    private static void percentile(
            List<Metric> metrics,
            String name,
            long[] histogram,
            double quantile,
            Map<String, Object> dims,
            String level,
            Instant from) {
        Double value = LatencyHistogram.quantile(histogram, quantile);
        if (value != null) {
            metrics.add(metric(PERFORMANCE, name, decimal(value), dims, level, from));
        }
    }

    private static Metric metric(
            String category, String name, long value, Map<String, Object> dims, String level, Instant period) {
        return metric(category, name, BigDecimal.valueOf(value), dims, level, period);
    }

    private static Metric metric(
            String category, String name, BigDecimal value, Map<String, Object> dims, String level, Instant period) {
        return new Metric(category, name, value, new JsonObject(dims).encode(), level, period);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(3, RoundingMode.HALF_EVEN);
    }

    /** The stored rows matching the query, newest period first. */
    public Uni<PageResponse<AnalyticsResponse>> list(AnalyticsQuery query, PageQuery page) {
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        AnalyticsDataRepository.Filter filter =
                new AnalyticsDataRepository.Filter(query.category, query.metric, query.aggregation, from, to);
        return tx.read(() -> {
            Uni<Long> total =
                    page.includeTotal ? rows.count(filter) : Uni.createFrom().nullItem();
            return total.chain(count -> rows.findPage(filter, page)
                    .map(list -> PageResponse.of(
                            list.stream().map(AnalyticsService::response).toList(), page, count)));
        });
    }

    static AnalyticsResponse response(AnalyticsData a) {
        return new AnalyticsResponse(
                a.id,
                a.category,
                a.metricName,
                a.metricValue == null ? null : a.metricValue.stripTrailingZeros(),
                a.dimensions == null ? Map.of() : a.dimensions,
                a.aggregationLevel,
                a.periodStart,
                a.updatedAt);
    }
}
