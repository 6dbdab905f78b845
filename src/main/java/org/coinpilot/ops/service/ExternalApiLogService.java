package org.coinpilot.ops.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.ops.api.ExternalApiLogQuery;
import org.coinpilot.ops.api.ExternalApiLogResponse;
import org.coinpilot.ops.api.ExternalApiSummaryResponse;
import org.coinpilot.ops.domain.ExternalApiLog;
import org.coinpilot.ops.persistence.ExternalApiLogRepository;

/** Keeps {@code external_api_logs}: one row per outbound call, written by the features' clients. */
@ApplicationScoped
public class ExternalApiLogService {

    /** Error bodies are kept this long at most. */
    public static final int MAX_BODY = 2000;

    private final ExternalApiLogRepository logs;
    private final Pool pool;

    public ExternalApiLogService(ExternalApiLogRepository logs, Pool pool) {
        this.logs = logs;
        this.pool = pool;
    }

    /** Records one call in its own transaction. */
    @WithTransaction
    public Uni<Void> record(ExternalApiCall call) {
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
        return logs.persist(log).replaceWithVoid();
    }

    /** The log, newest first. */
    @WithSession
    public Uni<PageResponse<ExternalApiLogResponse>> list(ExternalApiLogQuery query, PageQuery page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.provider != null) {
            where.append(" and apiProvider = :provider");
            params.and("provider", query.provider);
        }
        if (query.endpoint != null) {
            where.append(" and endpoint = :endpoint");
            params.and("endpoint", query.endpoint);
        }
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        if (from != null) {
            where.append(" and createdAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and createdAt < :to");
            params.and("to", to);
        }
        if (query.errorsOnly) {
            where.append(" and (responseStatus is null or responseStatus >= 300)");
        }
        Uni<Long> total = page.includeTotal
                ? logs.count(where.toString(), params)
                : Uni.createFrom().nullItem();
        return total.chain(count -> logs.find(where + " order by id desc", params)
                .page(page.page, page.size)
                .list()
                .map(rows -> PageResponse.of(
                        rows.stream()
                                .map(l -> new ExternalApiLogResponse(
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
                                        l.createdAt))
                                .toList(),
                        page,
                        count)));
    }

    /** Calls per provider and endpoint over the last {@code hours}: count, error rate, p50 / p95 latency. */
    public Uni<List<ExternalApiSummaryResponse>> summary(int hours) {
        if (hours < 1 || hours > 24 * 90) {
            throw new BadRequestProblemException("hours", "query", "must be between 1 and 2160");
        }
        return pool.preparedQuery("""
                        SELECT api_provider, endpoint, count(*) AS calls,
                               count(*) FILTER (WHERE response_status IS NULL OR response_status >= 300) AS errors,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time_ms) AS p50,
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY response_time_ms) AS p95
                        FROM external_api_logs
                        WHERE created_at >= now() - ($1::int * interval '1 hour')
                        GROUP BY api_provider, endpoint ORDER BY api_provider, endpoint""").execute(Tuple.of(hours)).map(rows -> {
            List<ExternalApiSummaryResponse> list = new ArrayList<>();
            for (Row row : rows) {
                long calls = row.getLong("calls");
                long errors = row.getLong("errors");
                list.add(new ExternalApiSummaryResponse(
                        row.getString("api_provider"),
                        row.getString("endpoint"),
                        calls,
                        errors,
                        BigDecimal.valueOf(errors).divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_EVEN),
                        ms(row.getDouble("p50")),
                        ms(row.getDouble("p95"))));
            }
            return list;
        });
    }

    private static BigDecimal ms(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
