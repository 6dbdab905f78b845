package org.coinpilot.macro.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** CoinGecko {@code /global}: market-cap shares and the total market cap, through {@link ProviderCalls}. */
@ApplicationScoped
public class DominanceClient {

    public static final String NAME = "coingecko";

    private final CoinGeckoGlobalRestClient rest;
    private final ExternalApiLogService logs;
    private final ObjectMapper mapper;
    private final MacroConfig config;
    private final ProviderGate gate;

    public DominanceClient(
            @RestClient CoinGeckoGlobalRestClient rest,
            ExternalApiLogService logs,
            ObjectMapper mapper,
            MacroConfig config) {
        this.rest = rest;
        this.logs = logs;
        this.mapper = mapper;
        this.config = config;
        this.gate = new ProviderGate(NAME, 0, config.maxWait(), System::currentTimeMillis);
    }

    /** BTC and ETH shares of the total market cap (percent), the total in USD, and when CoinGecko computed them. */
    public record GlobalSnapshot(BigDecimal btc, BigDecimal eth, BigDecimal totalMarketCapUsd, Instant updatedAt) {}

    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
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
    public Uni<GlobalSnapshot> global() {
        return ProviderCalls.call(
                NAME, "/global", Map.of(), 1, gate, config.callTimeout(), logs, rest::global, this::parse);
    }

    public ProviderGate gate() {
        return gate;
    }

    GlobalSnapshot parse(String body) throws Exception {
        JsonNode data = mapper.readTree(body).get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("global: no data object");
        }
        JsonNode shares = data.get("market_cap_percentage");
        BigDecimal btc = percent(shares, "btc");
        BigDecimal eth = percent(shares, "eth");
        if (btc.add(eth).compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("global: btc + eth above 100");
        }
        BigDecimal total =
                new BigDecimal(data.get("total_market_cap").get("usd").asText());
        if (total.signum() < 0) {
            throw new IllegalArgumentException("global: negative total");
        }
        JsonNode updated = data.get("updated_at");
        return new GlobalSnapshot(btc, eth, total, updated == null ? null : Instant.ofEpochSecond(updated.asLong()));
    }

    private static BigDecimal percent(JsonNode shares, String key) {
        BigDecimal value = new BigDecimal(shares.get(key).asText());
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("global: " + key + " share out of 0-100");
        }
        return value;
    }
}
