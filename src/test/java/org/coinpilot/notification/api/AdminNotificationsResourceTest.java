package org.coinpilot.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.notification.service.NotificationReleaseService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminNotificationsResourceTest {

    @Inject
    Pool pool;

    @Inject
    NotificationReleaseService release;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static RequestSpecification admin() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON);
    }

    static ValidatableResponse broadcast(String key, Map<String, Object> body) {
        RequestSpecification request = admin();
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body).post("/api/v1/admin/notifications/broadcast").then();
    }

    static Map<String, Object> body(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("message", "Scheduled maintenance tonight");
        return body;
    }

    @Test
    void shouldCreateOneSystemNotificationPerActiveUserAndReleaseItWhenBroadcasting() {
        long active = NotificationTestData.user(pool);
        long anAdmin = NotificationTestData.user(pool, "admin", true, false);
        long inactive = NotificationTestData.user(pool, "public", false, false);
        long deleted = NotificationTestData.user(pool, "public", true, true);
        long service = NotificationTestData.user(pool, "service", true, false);
        long recipients = MarketTestData.count(
                pool,
                "SELECT count(*) FROM users WHERE is_active AND deleted_at IS NULL AND role IN ('admin', 'public')");
        String key = "maint-" + UUID.randomUUID();
        Map<String, Object> body = body("Maintenance " + key);
        body.put("priority", "HIGH");

        broadcast(key, body).statusCode(202).body("broadcastId", equalTo(key)).body("created", equalTo((int)
                recipients));

        String rows = "SELECT count(*) FROM notifications WHERE idempotency_key = 'broadcast:' || $1 || ':' || $2";
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(active))).isEqualTo(1);
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(anAdmin)))
                .isEqualTo(1);
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(inactive)))
                .isZero();
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(deleted)))
                .isZero();
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(service)))
                .isZero();
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM notifications WHERE data ->> 'broadcastId' = $1 AND sent_at IS NULL",
                        key))
                .as("due broadcasts are released at once")
                .isZero();

        NotificationsResourceTest.as(active)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items[0].type", equalTo("SYSTEM"))
                .body("items[0].title", equalTo("Maintenance " + key))
                .body("items[0].priority", equalTo("HIGH"))
                .body("items[0].data.broadcastId", equalTo(key));

        // the same Idempotency-Key again: nothing new
        broadcast(key, body).statusCode(202).body("created", equalTo(0));
        assertThat(MarketTestData.count(
                        pool, "SELECT count(*) FROM notifications WHERE data ->> 'broadcastId' = $1", key))
                .isEqualTo(recipients);
    }

    @Test
    void shouldReachOnlyTheRoleWhenAnAudienceIsGiven() {
        long user = NotificationTestData.user(pool);
        long anAdmin = NotificationTestData.user(pool, "admin", true, false);
        String key = "admins-" + UUID.randomUUID();
        Map<String, Object> body = body("Admins only");
        body.put("audience", "ADMIN");
        long admins = MarketTestData.count(
                pool, "SELECT count(*) FROM users WHERE is_active AND deleted_at IS NULL AND role = 'admin'");

        broadcast(key, body).statusCode(202).body("created", equalTo((int) admins));

        String rows = "SELECT count(*) FROM notifications WHERE idempotency_key = 'broadcast:' || $1 || ':' || $2";
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(anAdmin)))
                .isEqualTo(1);
        assertThat(MarketTestData.count(pool, rows, key, Long.toString(user))).isZero();
    }

    @Test
    void shouldHoldAScheduledBroadcastUntilItIsDue() {
        long user = NotificationTestData.user(pool);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestClock.set(now);
        String key = "later-" + UUID.randomUUID();
        Map<String, Object> body = body("Tomorrow's release");
        body.put("scheduledFor", now.plus(Duration.ofHours(1)).toString());
        body.put("expiresAt", now.plus(Duration.ofHours(3)).toString());
        broadcast(key, body).statusCode(202);
        long id = MarketTestData.count(
                pool,
                "SELECT id FROM notifications WHERE idempotency_key = 'broadcast:' || $1 || ':' || $2",
                key,
                Long.toString(user));

        assertThat(NotificationTestData.column(pool, id, "sent_at"))
                .as("not released before due")
                .isNull();
        NotificationsResourceTest.as(user)
                .get("/api/v1/notifications/{id}", id)
                .then()
                .statusCode(404);

        TestClock.set(now.plus(Duration.ofHours(1)));
        release.release().await().atMost(Duration.ofSeconds(10));
        assertThat(NotificationTestData.column(pool, id, "sent_at")).isNotNull();
        NotificationsResourceTest.as(user)
                .get("/api/v1/notifications/{id}", id)
                .then()
                .statusCode(200)
                .body("scheduledFor", equalTo(now.plus(Duration.ofHours(1)).toString()))
                .body("expiresAt", equalTo(now.plus(Duration.ofHours(3)).toString()));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheBroadcastIsInvalid() {
        Instant now = Instant.now();
        Map<String, Object> past = body("Past");
        past.put("scheduledFor", now.minus(Duration.ofHours(1)).toString());
        expectViolation(broadcast(null, past), "scheduledFor");

        Map<String, Object> expired = body("Expired");
        expired.put("expiresAt", now.minus(Duration.ofMinutes(1)).toString());
        expectViolation(broadcast(null, expired), "expiresAt");

        Map<String, Object> beforeSchedule = body("Inverted");
        beforeSchedule.put("scheduledFor", now.plus(Duration.ofHours(2)).toString());
        beforeSchedule.put("expiresAt", now.plus(Duration.ofHours(1)).toString());
        expectViolation(broadcast(null, beforeSchedule), "expiresAt");

        for (String outOfRange : List.of("+999999999-12-31T23:59:59Z", "0000-12-31T00:00:00Z")) {
            Map<String, Object> far = body("Far");
            far.put("expiresAt", outOfRange);
            broadcast(null, far)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("expiresAt"))
                    .body("violations[0].in", equalTo("body"))
                    .body(
                            "violations[0].message",
                            equalTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        }

        Map<String, Object> blank = body(" ");
        expectViolation(broadcast(null, blank), "title");

        expectViolation(broadcast("bad key with spaces", body("Key")), "Idempotency-Key");

        Map<String, Object> audience = body("Audience");
        audience.put("audience", "EVERYONE");
        broadcast(null, audience).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer403WhenTheCallerIsNotAnAdmin() {
        long user = NotificationTestData.user(pool);
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON)
                .body(body("Nope"))
                .post("/api/v1/admin/notifications/broadcast")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        assertThat(MarketTestData.count(pool, "SELECT count(*) FROM notifications WHERE title = 'Nope'"))
                .isZero();
        given().contentType(ContentType.JSON)
                .body(body("Nope"))
                .post("/api/v1/admin/notifications/broadcast")
                .then()
                .statusCode(401);
    }

    private static void expectViolation(ValidatableResponse response, String field) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem(field));
    }
}
