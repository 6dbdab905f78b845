package org.coinpilot.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coinpilot.notification.delivery.DeliveryFixtures.as;
import static org.coinpilot.notification.delivery.DeliveryFixtures.attempts;
import static org.coinpilot.notification.delivery.DeliveryFixtures.deliveries;
import static org.coinpilot.notification.delivery.DeliveryFixtures.released;
import static org.coinpilot.notification.delivery.DeliveryFixtures.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.notification.job.DeliverJob;
import org.coinpilot.notification.service.DeliveryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhook delivery end to end against a local HTTPS receiver that checks the signature with the user's secret. */
@QuarkusTest
@TestProfile(DeliveryTestProfile.class)
class WebhookDeliveryTest {

    static final String PREFERENCES = "/api/v1/notifications/preferences";
    static WebhookReceiver receiver;

    @Inject
    Pool pool;

    @Inject
    DeliveryService delivery;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldRetryAfterA500AndSendWhenTheReceiverRecoversWithEveryAttemptSignedAndLogged() {
        TestClock.set(Instant.parse("2027-03-01T12:00:00Z"));
        long user = user(pool, "UTC");
        String path = "/hook/" + UUID.randomUUID();
        receiver.script(path, 500, 200);
        String secret = webhook(user, path, Map.of("alert", List.of("webhook")));
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        long notification = released(pool, user, "high", TestClock.current());

        // through the job runner, as the scheduler and admins run it
        given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", DeliverJob.NAME)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("result.deliveriesCreated", equalTo(1));
        List<Map<String, Object>> rows = deliveries(pool, notification);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        long deliveryId = (Long) row.get("id");
        assertThat(row)
                .containsEntry("channel", "webhook")
                .containsEntry("status", "pending")
                .containsEntry("attempts", 1)
                .containsEntry("idempotency_key", notification + ":webhook")
                .containsEntry("next_attempt_at", Instant.parse("2027-03-01T12:00:30Z"));
        assertThat((String) row.get("last_error")).contains("500");

        deliver(); // not due before the backoff ends
        assertThat(receiver.received(path)).hasSize(1);

        TestClock.advance(Duration.ofSeconds(31));
        deliver();

        row = deliveries(pool, notification).get(0);
        assertThat(row)
                .containsEntry("status", "sent")
                .containsEntry("attempts", 2)
                .containsEntry("sent_at", Instant.parse("2027-03-01T12:00:31Z"));
        assertThat(row.get("last_error")).isNull();
        List<Map<String, Object>> log = attempts(pool, deliveryId);
        assertThat(log).extracting(a -> a.get("attempt")).containsExactly(1, 2);
        assertThat(log).extracting(a -> a.get("status")).containsExactly("failed", "sent");
        assertThat(log).extracting(a -> a.get("http_status")).containsExactly(500, 200);

        List<WebhookReceiver.Received> received = receiver.received(path);
        assertThat(received).hasSize(2);
        long[] times = {
            Instant.parse("2027-03-01T12:00:00Z").getEpochSecond(),
            Instant.parse("2027-03-01T12:00:31Z").getEpochSecond()
        };
        for (int i = 0; i < 2; i++) {
            WebhookReceiver.Received request = received.get(i);
            assertThat(verify(request, secret)).isEqualTo(times[i]);
            assertThat(verify(request, secret + "x")).isNull();
            assertThat(request.header("Coinpilot-Idempotency-Key")).isEqualTo(notification + ":webhook");
            assertThat(request.header("Coinpilot-Attempt")).isEqualTo(Integer.toString(i + 1));
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonObject body = request.json();
            assertThat(body.getLong("id")).isEqualTo(notification);
            assertThat(body.getLong("deliveryId")).isEqualTo(deliveryId);
            assertThat(body.getString("type")).isEqualTo("ALERT");
            assertThat(body.getString("priority")).isEqualTo("HIGH");
            assertThat(body.getString("title")).isEqualTo("BTC above 65000");
            assertThat(body.getString("message")).isEqualTo("BTC crossed 65,000 USD");
            assertThat(body.getJsonObject("data").getString("symbol")).isEqualTo("BTC");
            assertThat(Instant.parse(body.getString("createdAt"))).isNotNull();
        }

        as(user).get("/api/v1/notifications/{id}/deliveries", notification)
                .then()
                .statusCode(200)
                .body("notificationId", equalTo((int) notification))
                .body("items.channel", contains("WEBHOOK"))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].idempotencyKey", equalTo(notification + ":webhook"))
                .body("items[0].sentAt", equalTo("2027-03-01T12:00:31Z"))
                .body("items[0].attemptLog.status", contains("FAILED", "SENT"))
                .body("items[0].attemptLog.httpStatus", contains(500, 200))
                .body("items[0].attemptLog.attempt", contains(1, 2));
    }

    @Test
    void shouldGiveUpAfterTheConfiguredNumberOfFailedAttempts() {
        TestClock.set(Instant.parse("2027-04-01T08:00:00Z"));
        long user = user(pool, "UTC");
        String path = "/hook/" + UUID.randomUUID();
        receiver.always(path, 503);
        webhook(user, path, Map.of()); // the channel comes from the notification itself
        long notification = released(pool, user, "normal", TestClock.current(), "webhook");

        for (int run = 0; run < 5; run++) {
            deliver();
            TestClock.advance(Duration.ofHours(2));
        }

        Map<String, Object> row = deliveries(pool, notification).get(0);
        assertThat(row).containsEntry("status", "gave_up").containsEntry("attempts", 3);
        assertThat((String) row.get("last_error")).contains("503");
        List<Map<String, Object>> log = attempts(pool, (Long) row.get("id"));
        assertThat(log).extracting(a -> a.get("status")).containsExactly("failed", "failed", "failed");
        assertThat(log).extracting(a -> a.get("http_status")).containsExactly(503, 503, 503);
        assertThat(receiver.received(path)).hasSize(3);
    }

    @Test
    void shouldHoldBackDuringQuietHoursAndSendWhenTheyEnd() {
        // 23:30 in Paris (UTC+1 in January), inside 22:00–07:00
        TestClock.set(Instant.parse("2027-01-15T22:30:00Z"));
        long user = user(pool, "Europe/Paris");
        String path = "/hook/" + UUID.randomUUID();
        webhook(user, path, Map.of("alert", List.of("webhook")), Map.of("start", "22:00", "end", "07:00"));
        long notification = released(pool, user, "high", TestClock.current());

        deliver();

        Map<String, Object> row = deliveries(pool, notification).get(0);
        assertThat(row)
                .containsEntry("status", "held")
                .containsEntry("next_attempt_at", Instant.parse("2027-01-16T06:00:00Z"));
        assertThat(attempts(pool, (Long) row.get("id")))
                .extracting(a -> a.get("status"))
                .containsExactly("held");
        assertThat(receiver.received(path)).isEmpty();

        TestClock.set(Instant.parse("2027-01-16T05:59:00Z"));
        deliver();
        assertThat(receiver.received(path)).isEmpty();
        assertThat(deliveries(pool, notification).get(0)).containsEntry("status", "held");

        TestClock.set(Instant.parse("2027-01-16T06:00:00Z"));
        deliver();

        row = deliveries(pool, notification).get(0);
        assertThat(row)
                .as(row::toString)
                .containsEntry("status", "sent")
                .containsEntry("sent_at", Instant.parse("2027-01-16T06:00:00Z"));
        assertThat(attempts(pool, (Long) row.get("id")))
                .extracting(a -> a.get("status"))
                .containsExactly("held", "sent");
        assertThat(receiver.received(path)).hasSize(1);
        assertThat(receiver.received(path).get(0).header("Coinpilot-Attempt")).isEqualTo("2");
    }

    @Test
    void shouldSendUrgentNotificationsDuringQuietHours() {
        TestClock.set(Instant.parse("2027-01-20T23:00:00Z")); // 00:00 in Paris
        long user = user(pool, "Europe/Paris");
        String path = "/hook/" + UUID.randomUUID();
        webhook(user, path, Map.of("alert", List.of("webhook")), Map.of("start", "22:00", "end", "07:00"));
        long urgent = released(pool, user, "urgent", TestClock.current());
        long normal = released(pool, user, "normal", TestClock.current());

        deliver();

        assertThat(deliveries(pool, urgent).get(0)).containsEntry("status", "sent");
        assertThat(deliveries(pool, normal).get(0)).containsEntry("status", "held");
        assertThat(receiver.received(path)).hasSize(1);
        assertThat(receiver.received(path).get(0).json().getLong("id")).isEqualTo(urgent);
    }

    @Test
    void shouldRefuseAtSendTimeAnAddressThatIsNoLongerPublic() {
        long user = user(pool, "UTC");
        // stored behind the API's back (as if the name now resolved to loopback): 127.0.0.1 is not an allowed host
        String url = "https://127.0.0.1:" + receiver.port() + "/hook/" + UUID.randomUUID();
        JsonObject preferences = new JsonObject()
                .put("channels", new JsonObject().put("alert", List.of("webhook")))
                .put("webhook", new JsonObject().put("url", url).put("secret", "s3cret"));
        DeliveryFixtures.execute(
                pool,
                "UPDATE users SET preferences = jsonb_build_object('notifications', $2::jsonb) WHERE id = $1",
                Tuple.of(user, preferences));
        long notification = released(pool, user, "normal", TestClock.current());

        deliver();

        Map<String, Object> row = deliveries(pool, notification).get(0);
        assertThat(row).containsEntry("status", "pending").containsEntry("attempts", 1);
        Map<String, Object> attempt = attempts(pool, (Long) row.get("id")).get(0);
        assertThat(attempt).containsEntry("status", "failed");
        assertThat(attempt.get("http_status")).isNull();
        assertThat((String) attempt.get("error")).contains("address refused").contains("127.0.0.1");
        assertThat(receiver.received(url.substring(url.indexOf("/hook")))).isEmpty();
    }

    private void deliver() {
        delivery.deliver().await().atMost(Duration.ofSeconds(60));
    }

    private String webhook(long user, String path, Map<String, List<String>> channels) {
        return webhook(user, path, channels, null);
    }

    private String webhook(long user, String path, Map<String, List<String>> channels, Map<String, String> quiet) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("webhook", Map.of("url", receiver.url(path)));
        body.put("channels", channels);
        if (quiet != null) {
            body.put("quietHours", quiet);
        }
        return as(user).body(body)
                .put(PREFERENCES)
                .then()
                .statusCode(200)
                .body("webhook.url", equalTo(receiver.url(path)))
                .extract()
                .path("webhook.secret");
    }

    /**
     * What a receiver does: parses {@code Coinpilot-Signature: t=..,v1=..}, recomputes HMAC-SHA256(secret, t + "." +
     * body) and compares in constant time. Returns t when the signature is valid, else null.
     */
    static Long verify(WebhookReceiver.Received request, String secret) {
        String header = request.header("Coinpilot-Signature");
        if (header == null) {
            return null;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            boolean valid =
                    java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
            return valid ? Long.parseLong(t) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
