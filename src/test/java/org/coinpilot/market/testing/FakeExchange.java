package org.coinpilot.market.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.coinpilot.common.test.TestClock;

/**
 * A local Binance + CoinGecko for tests: a Vert.x HTTP server answering in the providers' shapes and failing on
 * demand. Klines are generated (deterministic per time, ending with the candle still forming at the test clock's
 * now, as Binance does); CoinGecko answers come from small fixtures of our own in {@code fake-exchange/}.
 *
 * <p>Faults are queued per path prefix and consumed one per request: a status with a Retry-After header, a slow
 * answer, or a malformed body. {@link #hide} drops candles of a time range from answers (a hole at the exchange).
 */
public class FakeExchange implements QuarkusTestResourceLifecycleManager {

    /** One injected fault. */
    public record Fault(int status, String retryAfter, long delayMillis, String body) {
        public static Fault status(int status) {
            return new Fault(status, null, 0, "{\"code\":-1000,\"msg\":\"An unknown error occurred.\"}");
        }

        public static Fault retryAfter(int status, int seconds) {
            return new Fault(
                    status,
                    Integer.toString(seconds),
                    0,
                    "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}");
        }

        public static Fault slow(long millis) {
            return new Fault(0, null, millis, null);
        }

        public static Fault malformed() {
            return new Fault(200, null, 0, "[[1704067200000,\"42283.58\",\"44184.10\"");
        }
    }

    private static final Map<String, ConcurrentLinkedQueue<Fault>> FAULTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<Instant[]> HIDDEN = new CopyOnWriteArrayList<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger WEIGHT = new AtomicInteger();
    private static volatile String usedWeightOverride;
    private static final Map<String, String> COINS = new java.util.concurrent.ConcurrentHashMap<>();

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        shared = vertx;
        server = vertx.createHttpServer().requestHandler(FakeExchange::handle);
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake exchange did not start", e);
        }
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "quarkus.rest-client.\"binance\".url",
                base,
                "quarkus.rest-client.\"coingecko\".url",
                base + "/api/v3",
                "coinpilot.market.provider",
                "binance");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Queues faults for requests whose path starts with {@code pathPrefix}, e.g. {@code /api/v3/klines}. */
    public static void fail(String pathPrefix, Fault... faults) {
        FAULTS.computeIfAbsent(pathPrefix, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(faults));
    }

    /** Candles opening in [from, to) are missing from answers until {@link #reset()}. */
    public static void hide(Instant from, Instant to) {
        HIDDEN.add(new Instant[] {from, to});
    }

    /** Reports this weight in {@code X-MBX-USED-WEIGHT-1M} (null: the real count). */
    public static void reportWeight(String value) {
        usedWeightOverride = value;
    }

    /** Answers {@code /coins/{id}} for this id with {@code body} (until {@link #reset()}); others get the fixture. */
    public static void coin(String id, String body) {
        COINS.put(id, body);
    }

    public static void reset() {
        COINS.clear();
        FAULTS.clear();
        HIDDEN.clear();
        REQUESTS.clear();
        usedWeightOverride = null;
    }

    /** Paths (with query) requested since the last reset. */
    public static List<String> requests() {
        return List.copyOf(REQUESTS);
    }

    private static volatile Vertx shared;

    private static void handle(HttpServerRequest request) {
        REQUESTS.add(request.uri());
        Fault fault = null;
        for (Map.Entry<String, ConcurrentLinkedQueue<Fault>> entry : FAULTS.entrySet()) {
            if (request.path().startsWith(entry.getKey())) {
                fault = entry.getValue().poll();
                if (fault != null) {
                    break;
                }
            }
        }
        String weight = usedWeightOverride != null ? usedWeightOverride : Integer.toString(WEIGHT.addAndGet(2));
        request.response().putHeader("Content-Type", "application/json").putHeader("X-MBX-USED-WEIGHT-1M", weight);
        if (fault != null && fault.delayMillis() > 0) {
            Fault slow = fault;
            shared.setTimer(slow.delayMillis(), id -> answer(request));
            return;
        }
        if (fault != null) {
            if (fault.retryAfter() != null) {
                request.response().putHeader("Retry-After", fault.retryAfter());
            }
            request.response().setStatusCode(fault.status()).end(fault.body());
            return;
        }
        answer(request);
    }

    private static void answer(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/api/v3/klines")) {
            request.response()
                    .end(klines(
                            request.getParam("symbol"),
                            request.getParam("interval"),
                            Long.parseLong(request.getParam("startTime")),
                            Integer.parseInt(request.getParam("limit", "500"))));
        } else if (path.equals("/api/v3/ticker/24hr")) {
            request.response().end(fixture("binance-ticker.json"));
        } else if (path.equals("/api/v3/coins/markets")) {
            request.response().end(fixture("coingecko-markets.json"));
        } else if (path.startsWith("/api/v3/coins/")) {
            String body = COINS.get(path.substring("/api/v3/coins/".length()));
            request.response().end(body != null ? body : fixture("coingecko-coin.json"));
        } else {
            request.response().setStatusCode(404).end("{\"code\":-1,\"msg\":\"not found\"}");
        }
    }

    /** Binance kline rows from {@code startTime}, at most {@code limit}, ending with the forming candle. */
    static String klines(String symbol, String interval, long startTime, int limit) {
        long length = duration(interval).toMillis();
        long now = TestClock.current().toEpochMilli();
        long open = Math.floorDiv(startTime + length - 1, length) * length;
        JsonArray rows = new JsonArray();
        while (rows.size() < limit && open <= now) {
            Instant at = Instant.ofEpochMilli(open);
            boolean hidden = HIDDEN.stream().anyMatch(r -> !at.isBefore(r[0]) && at.isBefore(r[1]));
            if (!hidden) {
                rows.add(row(open, length));
            }
            open += length;
        }
        return rows.encode();
    }

    /** A consistent candle whose values depend only on its open time. */
    static JsonArray row(long open, long length) {
        long step = open / length;
        BigDecimal o = BigDecimal.valueOf(100_00 + (step % 97) * 10, 2);
        BigDecimal c = BigDecimal.valueOf(100_00 + ((step + 1) % 97) * 10, 2);
        BigDecimal high = o.max(c).add(new BigDecimal("1.25"));
        BigDecimal low = o.min(c).subtract(new BigDecimal("0.75"));
        BigDecimal baseVolume = new BigDecimal("12.34567800");
        BigDecimal quoteVolume = baseVolume.multiply(c).setScale(8, java.math.RoundingMode.HALF_EVEN);
        return new JsonArray()
                .add(open)
                .add(o.setScale(8).toPlainString())
                .add(high.setScale(8).toPlainString())
                .add(low.setScale(8).toPlainString())
                .add(c.setScale(8).toPlainString())
                .add(baseVolume.toPlainString())
                .add(open + length - 1)
                .add(quoteVolume.toPlainString())
                .add(100)
                .add("6.00000000")
                .add("600.00000000")
                .add("0");
    }

    static Duration duration(String interval) {
        return switch (interval) {
            case "1m" -> Duration.ofMinutes(1);
            case "5m" -> Duration.ofMinutes(5);
            case "15m" -> Duration.ofMinutes(15);
            case "1h" -> Duration.ofHours(1);
            case "4h" -> Duration.ofHours(4);
            case "1d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
    }

    private static String fixture(String name) {
        try (InputStream in = FakeExchange.class.getResourceAsStream("/fake-exchange/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
