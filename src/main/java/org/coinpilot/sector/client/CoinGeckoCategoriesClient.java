package org.coinpilot.sector.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.coinpilot.ops.service.ExternalApiCall;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.coinpilot.sector.config.SectorConfig;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The categories of a coin from CoinGecko {@code /coins/{id}}, built like market's CoinGecko client: each HTTP
 * attempt writes one {@code external_api_logs} row (status, latency, params; body cut short only on error); 429, 5xx,
 * timeouts and broken connections are retried with exponential backoff (a 429's Retry-After is waited out first, up
 * to {@code coinpilot.sector.max-wait}); other 4xx and malformed bodies are not; a circuit breaker opens on repeated
 * failures.
 */
@ApplicationScoped
public class CoinGeckoCategoriesClient {

    public static final String PROVIDER = "coingecko";
    public static final String ENDPOINT = "/coins/{id}";

    private final CoinGeckoCategoriesRestClient rest;
    private final ExternalApiLogService logs;
    private final ObjectMapper mapper;
    private final SectorConfig config;

    /** Wall-clock millis until which calls wait (a 429's Retry-After); shared by every call of this process. */
    private volatile long pausedUntil;

    public CoinGeckoCategoriesClient(
            @RestClient CoinGeckoCategoriesRestClient rest,
            ExternalApiLogService logs,
            ObjectMapper mapper,
            SectorConfig config) {
        this.rest = rest;
        this.logs = logs;
        this.mapper = mapper;
        this.config = config;
    }

    /** A coin's id, symbol and categories as CoinGecko lists them (its order). */
    public record CoinCategories(String id, String symbol, List<String> categories) {}

    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 1000,
            jitter = 200,
            retryOn = CategoryProviderException.class,
            abortOn = CategoryProviderRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 20_000)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.75,
            delay = 60_000,
            skipOn = CategoryProviderRejectedException.class)
    public Uni<CoinCategories> categories(String coingeckoId) {
        Map<String, Object> params = Map.of("id", coingeckoId);
        long wait = pausedUntil - System.currentTimeMillis();
        if (wait > config.maxWait().toMillis()) {
            return Uni.createFrom()
                    .failure(new CategoryProviderRejectedException(
                            PROVIDER + " " + ENDPOINT + ": paused for " + wait / 1000 + " s after a 429"));
        }
        Uni<Void> gate = wait > 0
                ? Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(wait))
                : Uni.createFrom().voidItem();
        return gate.chain(() -> attempt(coingeckoId, params));
    }

    /** Forgets a Retry-After pause (tests). */
    public void resetPause() {
        pausedUntil = 0;
    }

    private Uni<CoinCategories> attempt(String id, Map<String, Object> params) {
        long started = System.nanoTime();
        Duration timeout = config.callTimeout();
        // error answers are mapped on a worker thread; the log row (Hibernate Reactive) needs the caller's context
        Context context = Vertx.currentContext();
        return Uni.createFrom()
                .<Response>deferred(() -> rest.coin(id, "false", "false", "false", "false", "false"))
                .onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> ((WebApplicationException) failure).getResponse())
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new TimeoutException("no answer within " + timeout.toMillis() + " ms"))
                .emitOn(task -> {
                    if (context == null || Vertx.currentContext() == context) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                })
                .onItemOrFailure()
                .transformToUni((response, failure) -> {
                    BigDecimal latency =
                            BigDecimal.valueOf(System.nanoTime() - started, 6).setScale(3, RoundingMode.HALF_EVEN);
                    if (failure != null) {
                        String message = failure instanceof TimeoutException
                                ? "timeout: " + failure.getMessage()
                                : "no response: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
                        return log(new ExternalApiCall(
                                        PROVIDER, ENDPOINT, "GET", null, latency, null, params, null, message))
                                .chain(() -> Uni.createFrom()
                                        .<CoinCategories>failure(new CategoryProviderException(
                                                PROVIDER + " " + ENDPOINT + ": " + message)));
                    }
                    int status = response.getStatus();
                    String retryAfter = response.getHeaderString("Retry-After");
                    String body = body(response);
                    if (status == 429) {
                        pause(retryAfter);
                    }
                    boolean ok = status >= 200 && status < 300;
                    String error = ok
                            ? null
                            : "HTTP " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter + "s)");
                    CoinCategories parsed = null;
                    if (ok) {
                        try {
                            parsed = parse(id, body);
                        } catch (Exception e) {
                            ok = false;
                            error = "malformed response: " + e.getClass().getSimpleName();
                        }
                    }
                    boolean success = ok;
                    CoinCategories result = parsed;
                    String problem = error;
                    return log(new ExternalApiCall(
                                    PROVIDER,
                                    ENDPOINT,
                                    "GET",
                                    status,
                                    latency,
                                    null,
                                    params,
                                    success ? null : body,
                                    problem))
                            .chain(() -> success
                                    ? Uni.createFrom().item(result)
                                    : Uni.createFrom().<CoinCategories>failure(failure(status, problem)));
                });
    }

    /** {@code categories} must be an array of strings (null entries and blanks are dropped). */
    CoinCategories parse(String id, String body) throws Exception {
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        JsonNode categories = root.get("categories");
        if (categories == null || !categories.isArray()) {
            throw new IllegalArgumentException("categories: not an array");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode c : categories) {
            if (c.isTextual() && !c.asText().isBlank()) {
                names.add(c.asText().trim());
            } else if (!c.isNull()) {
                throw new IllegalArgumentException("categories: not a string");
            }
        }
        return new CoinCategories(
                root.path("id").asText(id), root.path("symbol").asText(null), names);
    }

    private void pause(String retryAfter) {
        if (retryAfter == null) {
            return;
        }
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            pausedUntil = Math.max(pausedUntil, System.currentTimeMillis() + seconds * 1000);
        } catch (NumberFormatException e) {
            // an HTTP date or garbage: no pause, the retry backoff applies
        }
    }

    private static RuntimeException failure(int status, String error) {
        String message = PROVIDER + " " + ENDPOINT + ": " + error;
        return status == 429 || status >= 500
                ? new CategoryProviderException(message)
                : new CategoryProviderRejectedException(message);
    }

    private Uni<Void> log(ExternalApiCall call) {
        return logs.record(call).onFailure().recoverWithUni(failure -> {
            Log.warnf(failure, "could not record the %s call to %s", call.provider(), call.endpoint());
            return Uni.createFrom().voidItem();
        });
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String text = response.readEntity(String.class);
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
