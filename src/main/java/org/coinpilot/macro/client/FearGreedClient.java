package org.coinpilot.macro.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.macro.config.MacroConfig;
import org.coinpilot.market.client.ProviderCalls;
import org.coinpilot.market.client.ProviderException;
import org.coinpilot.market.client.ProviderGate;
import org.coinpilot.market.client.ProviderPausedException;
import org.coinpilot.market.client.ProviderRejectedException;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The alternative.me Fear &amp; Greed index, through the same call path as market's clients
 * ({@link ProviderCalls}: 429 Retry-After pauses, retries on 429 / 5xx / timeouts, a circuit breaker, one
 * {@code external_api_logs} row per attempt). The value is read as an exact decimal and the label kept as received.
 */
@ApplicationScoped
public class FearGreedClient {

    public static final String NAME = "alternative.me";

    private final FearGreedRestClient rest;
    private final ExternalApiLogService logs;
    private final ObjectMapper mapper;
    private final MacroConfig config;
    private final ProviderGate gate;

    public FearGreedClient(
            @RestClient FearGreedRestClient rest, ExternalApiLogService logs, ObjectMapper mapper, MacroConfig config) {
        this.rest = rest;
        this.logs = logs;
        this.mapper = mapper;
        this.config = config;
        this.gate = new ProviderGate(NAME, 0, config.maxWait(), System::currentTimeMillis);
    }

    /** One day's value: the UTC day of the provider's timestamp, the value, its label as received. */
    public record FearGreedValue(LocalDate day, BigDecimal value, String classification) {}

    /** The newest {@code limit} days (0: all of them), in the provider's order (newest first). */
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 3,
            delay = 1000,
            jitter = 200,
            retryOn = ProviderException.class,
            abortOn = {ProviderRejectedException.class, ProviderPausedException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 20_000)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.75,
            delay = 60_000,
            skipOn = {ProviderRejectedException.class, ProviderPausedException.class})
    public Uni<List<FearGreedValue>> values(int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("format", "json");
        return ProviderCalls.call(
                NAME, "/fng/", params, 1, gate, config.callTimeout(), logs, () -> rest.fng(limit, "json"), this::parse);
    }

    /** The politeness state (tests reset it). */
    public ProviderGate gate() {
        return gate;
    }

    List<FearGreedValue> parse(String body) throws Exception {
        JsonNode root = mapper.readTree(body);
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("fng: no data array");
        }
        List<FearGreedValue> values = new ArrayList<>();
        for (JsonNode n : data) {
            BigDecimal value = new BigDecimal(n.get("value").asText());
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("fng: value out of 0-100");
            }
            long epoch = Long.parseLong(n.get("timestamp").asText());
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
            JsonNode label = n.get("value_classification");
            values.add(new FearGreedValue(day, value, label == null || label.isNull() ? null : label.asText()));
        }
        return values;
    }
}
