package org.coinpilot.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.notification.service.NotificationListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole alert pipeline as configured: an alert created through the API, a new closed candle, one run of
 * {@code alerts.evaluate} through the admin jobs API, and its configured follow-ups ({@code notifications.release},
 * then {@code notifications.deliver}) put the notification on the owner's open live stream and in the list.
 */
@QuarkusTest
class AlertPipelineTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    Pool pool;

    @Inject
    NotificationListener listener;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldStreamTheNotificationOfAnAlertFiredByTheEvaluationJobChain() throws Exception {
        Instant hour = Instant.parse("2031-03-04T10:00:00Z");
        long user = NotificationTestData.user(pool);
        long asset = MarketTestData.asset(pool, "PL", false);
        String symbol = MarketTestData.symbol(pool, asset);
        AlertTestData.candle(pool, asset, "1h", hour.minusSeconds(3600), "98");
        TestClock.set(hour.plusSeconds(60));
        long alertId = given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "symbol", symbol,
                        "alertType", "PRICE_TARGET",
                        "condition", "CROSSES_UP",
                        "triggerValue", "99",
                        "timeframe", "1h"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        // the 10:00 candle closes at 11:00, after the alert was created, and crosses 99 upwards
        AlertTestData.candle(pool, asset, "1h", hour, "100.5");
        TestClock.set(hour.plusSeconds(3601));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!listener.isListening()) {
            assertThat(System.nanoTime()).as("LISTEN connection up").isLessThan(deadline);
            Thread.sleep(50);
        }
        try (SseTestClient client = SseTestClient.open(stream, TestTokens.user(user), null)) {
            client.awaitComment("connected", WAIT);

            given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/admin/jobs/alerts.evaluate/runs?wait=true")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("result.fired", equalTo(1));

            SseTestClient.Event event = client.nextNotification(WAIT);
            assertThat(event)
                    .as("released by the chained notifications.release")
                    .isNotNull();
            JsonObject data = event.json();
            assertThat(data.getString("type")).isEqualTo("ALERT");
            assertThat(data.getString("title")).contains(symbol);
            assertThat(data.getJsonObject("data").getLong("alertId")).isEqualTo(alertId);
        }

        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/api/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(1));
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/api/v1/alerts/" + alertId)
                .then()
                .statusCode(200)
                .body("status", equalTo("TRIGGERED"))
                .body("triggerCount", equalTo(1));
    }
}
