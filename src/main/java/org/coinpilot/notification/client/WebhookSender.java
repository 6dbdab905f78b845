package org.coinpilot.notification.client;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.coinpilot.notification.config.NotificationDeliveryConfig;

/**
 * Posts a signed JSON body to a user's webhook with the Vert.x HTTP client (already on the classpath through
 * Quarkus). One attempt per call, no retries here (the outbox retries with backoff), no redirects followed.
 *
 * <p>The destination is checked by {@link WebhookAddressGuard} right before the request and the connection goes to
 * the very address that was checked (the host name is still sent as {@code Host} and SNI and verified against the
 * certificate), so a name that resolves differently between the check and the connect cannot reach a private
 * address. TLS trust: the JVM default, or the PEM file of {@code coinpilot.notifications.webhook.trust-pem}.
 *
 * <p>Headers: {@code Coinpilot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>} (the key is the
 * secret string as UTF-8 bytes), {@code Coinpilot-Idempotency-Key}, {@code Coinpilot-Attempt}.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String SIGNATURE_HEADER = "Coinpilot-Signature";
    public static final String IDEMPOTENCY_HEADER = "Coinpilot-Idempotency-Key";
    public static final String ATTEMPT_HEADER = "Coinpilot-Attempt";

    private final WebhookAddressGuard guard;
    private final HttpClient client;
    private final long timeoutMillis;

    public WebhookSender(Vertx vertx, WebhookAddressGuard guard, NotificationDeliveryConfig config) {
        this.guard = guard;
        this.timeoutMillis = config.webhook().timeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setSsl(true)
                .setVerifyHost(true)
                .setKeepAlive(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setMaxRedirects(0);
        config.webhook().trustPem().ifPresent(path -> options.setTrustOptions(new PemTrustOptions().addCertPath(path)));
        this.client = vertx.createHttpClient(options);
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /**
     * The outcome of one attempt.
     *
     * @param httpStatus the receiver's status, null when it did not answer
     * @param error why it failed, null when it succeeded (2xx)
     * @param latencyMs how long the attempt took
     */
    public record Result(Integer httpStatus, String error, int latencyMs) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Posts {@code body} to {@code url}. Never fails: a refused address, a connection error, a timeout or a non-2xx
     * answer is a {@link Result} with an error.
     */
    public Uni<Result> send(
            String url, String secret, String idempotencyKey, int attempt, String body, long unixSeconds) {
        long started = System.nanoTime();
        String signature = "t=" + unixSeconds + ",v1=" + sign(secret, unixSeconds + "." + body);
        return guard.check(url)
                .chain(destination -> client.request(new RequestOptions()
                                .setMethod(HttpMethod.POST)
                                .setServer(SocketAddress.inetSocketAddress(
                                        destination.port(),
                                        destination.address().getHostAddress()))
                                .setHost(destination.host())
                                .setPort(destination.port())
                                .setSsl(true)
                                .setURI(destination.requestUri())
                                .setFollowRedirects(false)
                                .setTimeout(timeoutMillis))
                        .chain(request -> request.putHeader("Content-Type", "application/json")
                                .putHeader("User-Agent", "Coinpilot-Webhook/1")
                                .putHeader(SIGNATURE_HEADER, signature)
                                .putHeader(IDEMPOTENCY_HEADER, idempotencyKey)
                                .putHeader(ATTEMPT_HEADER, Integer.toString(attempt))
                                .send(Buffer.buffer(body, StandardCharsets.UTF_8.name())))
                        .map(response -> {
                            int status = response.statusCode();
                            return status >= 200 && status < 300
                                    ? new Result(status, null, elapsed(started))
                                    : new Result(
                                            status,
                                            "HTTP " + status + " " + response.statusMessage(),
                                            elapsed(started));
                        }))
                .ifNoItem()
                .after(java.time.Duration.ofMillis(timeoutMillis + 1000))
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.debugf("webhook %s attempt %d failed: %s", idempotencyKey, attempt, failure.toString());
                    return new Result(null, describe(failure), elapsed(started));
                });
    }

    /** Lowercase hex HMAC-SHA256 of {@code payload} keyed by the UTF-8 bytes of {@code secret}. */
    public static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static int elapsed(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof WebhookAddressException) {
            return "address refused: URL " + failure.getMessage();
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")) {
            return "timeout: " + (failure.getMessage() == null ? "no answer in time" : failure.getMessage());
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
