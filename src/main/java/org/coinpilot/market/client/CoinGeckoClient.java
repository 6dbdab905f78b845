package org.coinpilot.market.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * CoinGecko markets, coin details and categories; same politeness as {@link BinanceClient} (429 Retry-After
 * pauses, one log row per call) without a weight header. Numbers are read from the JSON text as
 * {@link BigDecimal}, never through {@code double}.
 */
@ApplicationScoped
public class CoinGeckoClient {

    public static final String NAME = "coingecko";

    private final CoinGeckoRestClient rest;
    private final ExternalApiLogService logs;
    private final ObjectMapper mapper;
    private final MarketConfig config;
    private final ProviderGate gate;

    public CoinGeckoClient(
            @RestClient CoinGeckoRestClient rest,
            ExternalApiLogService logs,
            ObjectMapper mapper,
            MarketConfig config) {
        this.rest = rest;
        this.logs = logs;
        this.mapper = mapper;
        this.config = config;
        this.gate = new ProviderGate(NAME, 0, config.binance().maxWait(), System::currentTimeMillis);
    }

    /** One row of {@code /coins/markets}. */
    public record MarketRow(
            String id,
            String symbol,
            String name,
            String image,
            BigDecimal currentPrice,
            BigDecimal marketCap,
            Integer marketCapRank,
            BigDecimal totalVolume,
            BigDecimal circulatingSupply,
            BigDecimal totalSupply,
            BigDecimal maxSupply,
            BigDecimal change24h,
            BigDecimal change7d,
            BigDecimal change30d) {}

    /** The fields of {@code /coins/{id}} we keep. */
    public record CoinDetail(String id, String description, Map<String, Object> links, String image) {}

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
    public Uni<List<MarketRow>> markets(int topN) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("vs_currency", "usd");
        params.put("order", "market_cap_desc");
        params.put("per_page", topN);
        params.put("page", 1);
        params.put("price_change_percentage", "24h,7d,30d");
        return ProviderCalls.call(
                NAME,
                "/coins/markets",
                params,
                1,
                gate,
                config.callTimeout(),
                logs,
                () -> rest.markets("usd", "market_cap_desc", topN, 1, "24h,7d,30d"),
                this::parseMarkets);
    }

    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 1000,
            retryOn = ProviderException.class,
            abortOn = {ProviderRejectedException.class, ProviderPausedException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.75,
            delay = 60_000,
            skipOn = {ProviderRejectedException.class, ProviderPausedException.class})
    public Uni<CoinDetail> coin(String id) {
        return ProviderCalls.call(
                NAME,
                "/coins/{id}",
                Map.of("id", id),
                1,
                gate,
                config.callTimeout(),
                logs,
                () -> rest.coin(id, "false", "false", "false", "false", "false"),
                body -> {
                    JsonNode node = mapper.readTree(body);
                    String description = node.path("description").path("en").asText(null);
                    Map<String, Object> links = new LinkedHashMap<>();
                    JsonNode l = node.path("links");
                    putFirst(links, "website", l.path("homepage"));
                    putFirst(links, "explorer", l.path("blockchain_site"));
                    if (l.hasNonNull("subreddit_url")
                            && !l.get("subreddit_url").asText().isBlank()) {
                        links.put("reddit", l.get("subreddit_url").asText());
                    }
                    putFirst(links, "github", l.path("repos_url").path("github"));
                    return new CoinDetail(
                            node.path("id").asText(id),
                            description == null || description.isBlank() ? null : description,
                            links,
                            node.path("image").path("large").asText(null));
                });
    }

    /** The politeness state (tests reset it). */
    public ProviderGate gate() {
        return gate;
    }

    private static void putFirst(Map<String, Object> links, String key, JsonNode array) {
        if (array.isArray()) {
            for (JsonNode item : array) {
                if (!item.asText().isBlank()) {
                    links.put(key, item.asText());
                    return;
                }
            }
        }
    }

    List<MarketRow> parseMarkets(String body) throws Exception {
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("markets: not an array");
        }
        List<MarketRow> rows = new ArrayList<>();
        for (JsonNode n : root) {
            rows.add(new MarketRow(
                    n.get("id").asText(),
                    n.get("symbol").asText(),
                    n.get("name").asText(),
                    n.path("image").asText(null),
                    decimal(n, "current_price"),
                    decimal(n, "market_cap"),
                    n.hasNonNull("market_cap_rank") ? n.get("market_cap_rank").asInt() : null,
                    decimal(n, "total_volume"),
                    decimal(n, "circulating_supply"),
                    decimal(n, "total_supply"),
                    decimal(n, "max_supply"),
                    decimal(n, "price_change_percentage_24h_in_currency"),
                    decimal(n, "price_change_percentage_7d_in_currency"),
                    decimal(n, "price_change_percentage_30d_in_currency")));
        }
        return rows;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }
}
