package org.coinpilot.market.client;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.coinpilot.ops.service.ExternalApiCall;
import org.coinpilot.ops.service.ExternalApiLogService;

/**
 * One HTTP attempt to a provider, the same way for every client: wait for the {@link ProviderGate}, send,
 * time out, read status / headers / body, teach the gate, write one {@code external_api_logs} row, then
 * classify (used by market's and macro's clients alike): 2xx gives the body; 429, 5xx, timeouts and broken connections are {@link ProviderException}
 * (retried by the caller's {@code @Retry}); 418 and other 4xx are {@link ProviderRejectedException}.
 */
public final class ProviderCalls {

    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    private ProviderCalls() {}

    /** What came back. */
    record Answer(int status, String body) {}

    /** Parses a 2xx body; any exception means the body is malformed. */
    public interface Parser<T> {
        T parse(String body) throws Exception;
    }

    public static <T> Uni<T> call(
            String provider,
            String endpoint,
            Map<String, Object> params,
            int weight,
            ProviderGate gate,
            Duration timeout,
            ExternalApiLogService logs,
            Supplier<Uni<Response>> send,
            Parser<T> parser) {
        return gate.acquire(weight).chain(() -> {
            long started = System.nanoTime();
            // error answers are mapped on a worker thread; the log row (Hibernate Reactive) needs the caller's context
            Context context = Vertx.currentContext();
            return Uni.createFrom()
                    .<Response>deferred(send::get)
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
                        BigDecimal latency = BigDecimal.valueOf(System.nanoTime() - started, 6)
                                .setScale(3, RoundingMode.HALF_EVEN);
                        if (failure != null) {
                            String message = failure instanceof TimeoutException
                                    ? "timeout: " + failure.getMessage()
                                    : "no response: " + failure.getClass().getSimpleName() + ": "
                                            + failure.getMessage();
                            return log(
                                            logs,
                                            new ExternalApiCall(
                                                    provider, endpoint, "GET", null, latency, null, params, null,
                                                    message))
                                    .chain(() -> Uni.createFrom()
                                            .<T>failure(
                                                    new ProviderException(provider + " " + endpoint + ": " + message)));
                        }
                        int status = response.getStatus();
                        String usedWeight = response.getHeaderString(WEIGHT_HEADER);
                        String retryAfter = response.getHeaderString("Retry-After");
                        String body = body(response);
                        gate.onResponse(status, usedWeight, retryAfter);
                        Integer weightUsed = parseOrNull(usedWeight);
                        boolean ok = status >= 200 && status < 300;
                        String error = ok
                                ? null
                                : "HTTP " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter + "s)");
                        T parsed = null;
                        if (ok) {
                            try {
                                parsed = parser.parse(body);
                            } catch (Exception e) {
                                ok = false;
                                error = "malformed response: " + e.getClass().getSimpleName();
                            }
                        }
                        boolean success = ok;
                        T result = parsed;
                        String problem = error;
                        return log(
                                        logs,
                                        new ExternalApiCall(
                                                provider,
                                                endpoint,
                                                "GET",
                                                status,
                                                latency,
                                                weightUsed,
                                                params,
                                                success ? null : body,
                                                problem))
                                .chain(() -> success
                                        ? Uni.createFrom().item(result)
                                        : Uni.createFrom().<T>failure(failure(provider, endpoint, status, problem)));
                    });
        });
    }

    private static RuntimeException failure(String provider, String endpoint, int status, String error) {
        String message = provider + " " + endpoint + ": " + error;
        if (status == 429 || status >= 500) {
            return new ProviderException(message);
        }
        return new ProviderRejectedException(message);
    }

    private static Uni<Void> log(ExternalApiLogService logs, ExternalApiCall call) {
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

    private static Integer parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
