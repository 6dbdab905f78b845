package org.coinpilot.market.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Binance klines and 24 h ticker, polite: every attempt passes the shared {@link ProviderGate} (weight budget
 * from {@code X-MBX-USED-WEIGHT-1M}, 429 Retry-After pauses, 418 bans) and writes one {@code external_api_logs}
 * row. Retries with exponential backoff on 429 / 5xx / timeouts; a circuit breaker stops hammering a provider
 * that keeps failing. Delays are configurable ({@code quarkus.fault-tolerance."…BinanceClient/klines".retry.*}).
 *
 * <p>Volume: Binance's field 5 is base-asset volume (BTC), kept exactly ({@code base_volume}, what OBV, VWAP and MFI
 * use); field 7 is quote-asset volume (USDT), kept exactly ({@code quote_volume}) and, rounded HALF_EVEN to cents,
 * what {@code price_data.volume} (USD, numeric(30,2)) stores. USDT is taken as USD.
 */
@ApplicationScoped
public class BinanceClient implements CandleProvider {

    public static final String NAME = "binance";

    private final BinanceRestClient rest;
    private final ExternalApiLogService logs;
    private final ObjectMapper mapper;
    private final MarketConfig config;
    private final ProviderGate gate;

    public BinanceClient(
            @RestClient BinanceRestClient rest, ExternalApiLogService logs, ObjectMapper mapper, MarketConfig config) {
        this.rest = rest;
        this.logs = logs;
        this.mapper = mapper;
        this.config = config;
        MarketConfig.Binance binance = config.binance();
        this.gate = new ProviderGate(
                NAME,
                (int) Math.floor(binance.weightLimit() * binance.weightSafety()),
                binance.maxWait(),
                System::currentTimeMillis);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The shared politeness state (tests reset it). */
    public ProviderGate gate() {
        return gate;
    }

    @Override
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 3,
            delay = 500,
            jitter = 100,
            maxDuration = 180_000,
            retryOn = ProviderException.class,
            abortOn = {ProviderRejectedException.class, ProviderPausedException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 30_000,
            successThreshold = 2,
            skipOn = {ProviderRejectedException.class, ProviderPausedException.class})
    public Uni<List<Kline>> klines(String symbol, String pair, Timeframe timeframe, Instant from, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("symbol", pair);
        params.put("interval", timeframe.code());
        params.put("startTime", from.toEpochMilli());
        params.put("limit", limit);
        return ProviderCalls.call(
                NAME,
                "/api/v3/klines",
                params,
                2,
                gate,
                config.callTimeout(),
                logs,
                () -> rest.klines(pair, timeframe.code(), from.toEpochMilli(), limit),
                this::parseKlines);
    }

    /** 24 h statistics of one pair: last price, change percent and quote volume. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 500,
            jitter = 100,
            retryOn = ProviderException.class,
            abortOn = {ProviderRejectedException.class, ProviderPausedException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 30_000,
            skipOn = {ProviderRejectedException.class, ProviderPausedException.class})
    public Uni<Ticker24h> ticker24h(String pair) {
        return ProviderCalls.call(
                NAME,
                "/api/v3/ticker/24hr",
                Map.of("symbol", pair),
                2,
                gate,
                config.callTimeout(),
                logs,
                () -> rest.ticker24h(pair),
                body -> {
                    JsonNode node = mapper.readTree(body);
                    return new Ticker24h(
                            node.get("symbol").asText(),
                            new BigDecimal(node.get("lastPrice").asText()),
                            new BigDecimal(node.get("priceChangePercent").asText()),
                            new BigDecimal(node.get("quoteVolume").asText()));
                });
    }

    /** Binance's 24 h ticker, the fields we use. */
    public record Ticker24h(String pair, BigDecimal lastPrice, BigDecimal priceChangePercent, BigDecimal quoteVolume) {}

    List<Kline> parseKlines(String body) throws Exception {
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("klines: not an array");
        }
        List<Kline> klines = new ArrayList<>(root.size());
        for (JsonNode row : root) {
            if (!row.isArray() || row.size() < 8) {
                throw new IllegalArgumentException("klines: a row is not an array of 8+ fields");
            }
            klines.add(Kline.ofVolumes(
                    Instant.ofEpochMilli(row.get(0).asLong()),
                    new BigDecimal(row.get(1).asText()),
                    new BigDecimal(row.get(2).asText()),
                    new BigDecimal(row.get(3).asText()),
                    new BigDecimal(row.get(4).asText()),
                    new BigDecimal(row.get(5).asText()), // base-asset volume
                    new BigDecimal(row.get(7).asText()), // quote-asset volume
                    Instant.ofEpochMilli(row.get(6).asLong())));
        }
        return klines;
    }
}
