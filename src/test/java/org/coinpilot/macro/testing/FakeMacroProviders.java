package org.coinpilot.macro.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Local alternative.me, CoinGecko {@code /global} and FRED for tests: a Vert.x HTTP server answering in the providers'
 * shapes from what a test sets ({@link #fearGreed}, {@link #global}, {@link #fred}), failing on demand ({@link #fail}:
 * a status with an optional Retry-After, or a malformed 200 body), one fault consumed per request.
 */
@QuarkusTestResource(FakeMacroProviders.class)
public class FakeMacroProviders implements QuarkusTestResourceLifecycleManager {

    /** A fault: a status (0: none) with Retry-After seconds, or a body sent with status 200 when {@code body} set. */
    public record Fault(int status, String retryAfter, String body) {
        public static Fault status(int status) {
            return new Fault(status, null, null);
        }

        public static Fault retryAfter(int seconds) {
            return new Fault(429, Integer.toString(seconds), null);
        }

        public static Fault malformed() {
            return new Fault(200, null, "{\"data\":[{\"value\":\"4");
        }
    }

    /** One fear and greed day as alternative.me serves it. */
    public record Fng(LocalDate day, String value, String label) {}

    private static final List<Fng> FNG = new CopyOnWriteArrayList<>();
    private static final Map<String, ConcurrentLinkedQueue<Fault>> FAULTS = new ConcurrentHashMap<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Map<String, JsonArray> FRED = new ConcurrentHashMap<>();
    private static volatile JsonObject global;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(FakeMacroProviders::handle);
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake macro providers did not start", e);
        }
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "quarkus.rest-client.\"alternative-me\".url",
                base,
                "quarkus.rest-client.\"coingecko-global\".url",
                base + "/api/v3",
                "quarkus.rest-client.\"fred\".url",
                base,
                "coinpilot.macro.indicators.fred.api-key",
                "test-key");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** The days the fake index serves (any order; it answers newest first as alternative.me does). */
    public static void fearGreed(List<Fng> days) {
        FNG.clear();
        FNG.addAll(days);
    }

    /** The {@code /global} answer: BTC and ETH shares, total market cap, CoinGecko's updated_at. */
    public static void global(String btc, String eth, String totalUsd, LocalDate day) {
        global = new JsonObject()
                .put(
                        "data",
                        new JsonObject()
                                .put("active_cryptocurrencies", 12000)
                                .put("total_market_cap", new JsonObject().put("usd", Double.parseDouble(totalUsd)))
                                .put(
                                        "market_cap_percentage",
                                        new JsonObject()
                                                .put("btc", Double.parseDouble(btc))
                                                .put("eth", Double.parseDouble(eth))
                                                .put("usdt", 3.9))
                                .put("updated_at", day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC)));
    }

    /** FRED observations of a series: pairs of date and value text ({@code "."} for none). */
    public static void fred(String seriesId, String... dateValuePairs) {
        JsonArray observations = new JsonArray();
        for (int i = 0; i < dateValuePairs.length; i += 2) {
            observations.add(new JsonObject()
                    .put("realtime_start", "2024-01-01")
                    .put("date", dateValuePairs[i])
                    .put("value", dateValuePairs[i + 1]));
        }
        FRED.put(seriesId, observations);
    }

    public static void fail(String pathPrefix, Fault... faults) {
        FAULTS.computeIfAbsent(pathPrefix, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(faults));
    }

    public static void reset() {
        FNG.clear();
        FAULTS.clear();
        REQUESTS.clear();
        FRED.clear();
        global = null;
    }

    /** Paths with query requested since the last reset. */
    public static List<String> requests() {
        return List.copyOf(REQUESTS);
    }

    private static void handle(HttpServerRequest request) {
        REQUESTS.add(request.uri());
        request.response().putHeader("Content-Type", "application/json");
        for (Map.Entry<String, ConcurrentLinkedQueue<Fault>> entry : FAULTS.entrySet()) {
            if (request.path().startsWith(entry.getKey())) {
                Fault fault = entry.getValue().poll();
                if (fault != null) {
                    if (fault.retryAfter() != null) {
                        request.response().putHeader("Retry-After", fault.retryAfter());
                    }
                    request.response()
                            .setStatusCode(fault.status())
                            .end(fault.body() != null ? fault.body() : "{\"error\":\"injected\"}");
                    return;
                }
            }
        }
        String path = request.path();
        if (path.equals("/fng/")) {
            int limit = Integer.parseInt(request.getParam("limit", "1"));
            List<Fng> days = new ArrayList<>(FNG);
            days.sort((a, b) -> b.day().compareTo(a.day()));
            if (limit > 0 && days.size() > limit) {
                days = days.subList(0, limit);
            }
            JsonArray data = new JsonArray();
            for (Fng d : days) {
                data.add(new JsonObject()
                        .put("value", d.value())
                        .put("value_classification", d.label())
                        .put(
                                "timestamp",
                                Long.toString(
                                        d.day().atStartOfDay(ZoneOffset.UTC).toEpochSecond())));
            }
            request.response()
                    .end(new JsonObject()
                            .put("name", "Fear and Greed Index")
                            .put("data", data)
                            .put("metadata", new JsonObject().putNull("error"))
                            .encode());
        } else if (path.equals("/api/v3/global") && global != null) {
            request.response().end(global.encode());
        } else if (path.equals("/fred/series/observations") && FRED.containsKey(request.getParam("series_id"))) {
            request.response()
                    .end(new JsonObject()
                            .put("observations", FRED.get(request.getParam("series_id")))
                            .encode());
        } else {
            request.response().setStatusCode(404).end("{\"error\":\"not found\"}");
        }
    }
}
