package org.coinpilot.ops.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.ops.domain.ExternalApiLog;
import org.coinpilot.ops.persistence.ExternalApiLogRepository;

/** Keeps {@code external_api_logs}: one row per outbound call, written by the features' clients. */
@ApplicationScoped
public class ExternalApiLogService {

    /** Error bodies are kept this long at most. */
    public static final int MAX_BODY = 2000;

    private final ExternalApiLogRepository logs;

    public ExternalApiLogService(ExternalApiLogRepository logs) {
        this.logs = logs;
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

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
