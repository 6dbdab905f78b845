package org.coinpilot.ops.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.time.Times;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.ops.api.ExternalApiLogQuery;
import org.coinpilot.ops.api.ExternalApiLogResponse;
import org.coinpilot.ops.api.ExternalApiSummaryResponse;
import org.coinpilot.ops.domain.ExternalApiLog;
import org.coinpilot.ops.persistence.ExternalApiLogRepository;
import org.coinpilot.ops.persistence.ExternalApiLogSqlRepository;

/**
 * Keeps {@code external_api_logs}: one row per outbound call, written by the features' clients. Every call is also
 * measured (docs/operations.md, "Metrics"): {@value #CALLS} times calls by {@code provider}, {@code endpoint} and
 * {@code outcome} ({@code success}: 2xx or 3xx; {@code error}: an HTTP error answer; {@code no_response}: timeout or
 * connection failure), {@value #ERRORS} counts the failed ones by {@code provider}, {@code endpoint} and {@code status}
 * (the HTTP status or {@code none}), and {@value #WEIGHT} is the request weight the provider last reported used in its
 * window (Binance's {@code X-MBX-USED-WEIGHT-1M}), by {@code provider}.
 */
@ApplicationScoped
public class ExternalApiLogService {

    /** Error bodies are kept this long at most. */
    public static final int MAX_BODY = 2000;

    private final ExternalApiLogRepository logs;
    private final ExternalApiLogSqlRepository stats;
    private final Transactions tx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> weights = new ConcurrentHashMap<>();

    public static final String CALLS = "coinpilot.external.calls";
    public static final String ERRORS = "coinpilot.external.errors";
    public static final String WEIGHT = "coinpilot.external.weight.used";

    public ExternalApiLogService(
            ExternalApiLogRepository logs,
            ExternalApiLogSqlRepository stats,
            Transactions tx,
            Clock clock,
            MeterRegistry registry) {
        this.registry = registry;
        this.logs = logs;
        this.stats = stats;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records one call in its own transaction. */
    public Uni<Void> record(ExternalApiCall call) {
        measure(call);
        ExternalApiLog log = new ExternalApiLog();
        log.apiProvider = call.provider();
        log.endpoint = cut(call.endpoint(), 500);
        log.httpMethod = call.method();
        log.responseStatus = call.status();
        log.responseTimeMs = call.latencyMs();
        log.weightUsed = call.weightUsed();
        log.requestParams =
                call.params() == null || call.params().isEmpty() ? null : new LinkedHashMap<>(call.params());
        log.responseData = call.errorBody() == null ? null : Map.of("body", cut(call.errorBody(), MAX_BODY));
        log.errorMessage = call.errorMessage() == null ? null : cut(call.errorMessage(), MAX_BODY);
        return tx.write(() -> logs.persist(log).replaceWithVoid());
    }

    private void measure(ExternalApiCall call) {
        String endpoint = cut(call.endpoint(), 200);
        Integer status = call.status();
        String outcome = status == null ? "no_response" : status < 400 ? "success" : "error";
        Timer timer = Timer.builder(CALLS)
                .description("Outbound calls to exchanges and data providers by provider, endpoint and outcome")
                .tag("provider", call.provider())
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .register(registry);
        if (call.latencyMs() != null) {
            timer.record(call.latencyMs().movePointRight(3).max(BigDecimal.ZERO).longValue(), TimeUnit.MICROSECONDS);
        }
        if (!outcome.equals("success")) {
            Counter.builder(ERRORS)
                    .description("Failed outbound calls by provider, endpoint and HTTP status (none: no answer)")
                    .tag("provider", call.provider())
                    .tag("endpoint", endpoint)
                    .tag("status", status == null ? "none" : status.toString())
                    .register(registry)
                    .increment();
        }
        if (call.weightUsed() != null) {
            weights.computeIfAbsent(call.provider(), provider -> {
                        AtomicLong weight = new AtomicLong();
                        registry.gauge(WEIGHT, io.micrometer.core.instrument.Tags.of("provider", provider), weight);
                        return weight;
                    })
                    .set(call.weightUsed());
        }
    }

    /** The log, newest first. */
    public Uni<PageResponse<ExternalApiLogResponse>> list(ExternalApiLogQuery query, PageQuery page) {
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        ExternalApiLogRepository.Filter filter =
                new ExternalApiLogRepository.Filter(query.provider, query.endpoint, from, to, query.errorsOnly);
        return tx.read(() -> {
            Uni<Long> total =
                    page.includeTotal ? logs.count(filter) : Uni.createFrom().nullItem();
            return total.chain(count -> logs.findPage(filter, page)
                    .map(rows -> PageResponse.of(
                            rows.stream().map(ExternalApiLogService::response).toList(), page, count)));
        });
    }

    private static ExternalApiLogResponse response(ExternalApiLog l) {
        return new ExternalApiLogResponse(
                l.id,
                l.apiProvider,
                l.endpoint,
                l.httpMethod,
                l.responseStatus,
                l.responseTimeMs,
                l.weightUsed,
                l.requestParams,
                l.responseData,
                l.errorMessage,
                l.createdAt);
    }

    /** Calls per provider and endpoint over the last {@code hours}: count, error rate, p50 / p95 latency. */
    public Uni<List<ExternalApiSummaryResponse>> summary(int hours) {
        if (hours < 1 || hours > 24 * 90) {
            throw new BadRequestProblemException("hours", "query", "must be between 1 and 2160");
        }
        Instant since = Times.now(clock).minus(Duration.ofHours(hours));
        return tx.statement(client -> stats.summary(client, since))
                .map(rows -> rows.stream()
                        .map(r -> new ExternalApiSummaryResponse(
                                r.provider(),
                                r.endpoint(),
                                r.calls(),
                                r.errors(),
                                BigDecimal.valueOf(r.errors())
                                        .divide(BigDecimal.valueOf(r.calls()), 4, RoundingMode.HALF_EVEN),
                                ms(r.p50()),
                                ms(r.p95())))
                        .toList());
    }

    private static BigDecimal ms(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
