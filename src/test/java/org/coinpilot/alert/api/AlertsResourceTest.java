package org.coinpilot.alert.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.service.AlertEvaluationService;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner API through the real stack: create, read, list filters and paging, patch, delete, ownership, 400s. */
@QuarkusTest
class AlertsResourceTest {

    @Inject
    Pool pool;

    @Inject
    AlertEvaluationService evaluation;

    long user;
    long asset;
    String symbol;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "AR", false);
        symbol = MarketTestData.symbol(pool, asset);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    long create(long userId, Map<String, Object> body) {
        return as(userId)
                .body(body)
                .post("/api/v1/alerts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    Map<String, Object> priceAlert(String condition, String level) {
        return Map.of("symbol", symbol, "alertType", "PRICE_TARGET", "condition", condition, "triggerValue", level);
    }

    @Test
    void shouldCreateAnArmedAlertWithDefaultsAndItsLocation() {
        as(user).body(priceAlert("CROSSES_UP", "65000.50"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/alerts/"))
                .body("symbol", equalTo(symbol))
                .body("alertType", equalTo("PRICE_TARGET"))
                .body("condition", equalTo("CROSSES_UP"))
                .body("triggerValue", equalTo("65000.5"))
                .body("timeframe", equalTo("1h"))
                .body("frequency", equalTo("ONCE"))
                .body("notificationMethods", contains("IN_APP"))
                .body("status", equalTo("ARMED"))
                .body("active", equalTo(true))
                .body("triggered", equalTo(false))
                .body("triggerCount", equalTo(0))
                .body("lastFiredCandle", nullValue())
                .body("lastChecked", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void shouldStoreEveryFieldOfAnIndicatorAlertWithItsStoredPaths() {
        long id = create(
                user,
                Map.of(
                        "symbol", symbol,
                        "alertType", "INDICATOR",
                        "condition", "CROSSES_UP",
                        "indicatorKey", "close",
                        "referenceKey", "sma_200",
                        "timeframe", "4h",
                        "frequency", "EVERY_TIME",
                        "cooldownSeconds", 600,
                        "message", "Golden",
                        "notificationMethods", List.of("WEBHOOK", "EMAIL", "IN_APP")));
        var row = AlertTestData.alert(pool, id);
        assertThat(row.getString("indicator_key")).isEqualTo("close");
        assertThat(row.getString("indicator_path")).isNull();
        assertThat(row.getString("reference_key")).isEqualTo("sma_200");
        assertThat(row.getString("reference_path")).isEqualTo("{SMA,200}");
        assertThat(row.getString("timeframe")).isEqualTo("4h");
        assertThat(row.getString("frequency")).isEqualTo("every_time");
        assertThat(row.getInteger("cooldown_seconds")).isEqualTo(600);
        assertThat(row.getString("notification_method")).isEqualTo("webhook");
        assertThat(row.getValue("notification_methods").toString()).isEqualTo("[\"webhook\",\"email\",\"in_app\"]");

        long macd = create(
                user,
                Map.of(
                        "symbol", symbol,
                        "alertType", "INDICATOR",
                        "condition", "ABOVE",
                        "indicatorKey", "macd.histogram",
                        "triggerValue", "0"));
        var macdRow = AlertTestData.alert(pool, macd);
        assertThat(macdRow.getString("indicator_key")).isEqualTo("macd_12_26_9.histogram");
        assertThat(macdRow.getString("indicator_path")).isEqualTo("{MACD,histogram}");
    }

    @Test
    void shouldAnswer404ForAnotherUsersAlertOnEveryVerb() {
        long id = create(user, priceAlert("ABOVE", "100"));
        long other = AlertTestData.user(pool);
        as(other).get("/api/v1/alerts/{id}", id).then().statusCode(404).body("code", equalTo("ALERT_NOT_FOUND"));
        as(other)
                .body(Map.of("active", false))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(404);
        as(other).delete("/api/v1/alerts/{id}", id).then().statusCode(404);
        as(other).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        as(user).get("/api/v1/alerts/{id}", id).then().statusCode(200).body("active", equalTo(true));
        given().get("/api/v1/alerts").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.token(user, "service")))
                .get("/api/v1/alerts")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldDeleteTheAlert() {
        long id = create(user, priceAlert("ABOVE", "100"));
        as(user).delete("/api/v1/alerts/{id}", id).then().statusCode(204);
        as(user).get("/api/v1/alerts/{id}", id).then().statusCode(404);
        as(user).delete("/api/v1/alerts/{id}", id).then().statusCode(404);
    }

    @Test
    void shouldFilterAndPageTheList() {
        long a1 = create(user, priceAlert("ABOVE", "100"));
        long a2 = create(user, priceAlert("BELOW", "90"));
        long a3 = create(
                user,
                Map.of(
                        "symbol", symbol,
                        "alertType", "VOLUME_SPIKE",
                        "condition", "SPIKE",
                        "triggerValue", "3",
                        "windowCandles", 20));
        long otherAsset = MarketTestData.asset(pool, "AQ", false);
        String otherSymbol = MarketTestData.symbol(pool, otherAsset);
        long a4 = create(
                user,
                Map.of("symbol", otherSymbol, "alertType", "PRICE_TARGET", "condition", "ABOVE", "triggerValue", "1"));
        as(user).body(Map.of("active", false))
                .patch("/api/v1/alerts/{id}", a2)
                .then()
                .statusCode(200);
        pool.query("UPDATE signal_alerts SET is_triggered = true WHERE id = " + a1)
                .execute()
                .await()
                .indefinitely();

        as(user).get("/api/v1/alerts?size=2")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) a4, (int) a3))
                .body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2));
        as(user).get("/api/v1/alerts?size=2&page=1&includeTotal=false")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) a2, (int) a1))
                .body("totalItems", nullValue());
        as(user).get("/api/v1/alerts?active=false").then().body("items.id", contains((int) a2));
        as(user).get("/api/v1/alerts?triggered=true")
                .then()
                .body("items.id", contains((int) a1))
                .body("items[0].status", equalTo("TRIGGERED"));
        as(user).get("/api/v1/alerts?type=VOLUME_SPIKE").then().body("items.id", contains((int) a3));
        as(user).get("/api/v1/alerts?symbol=" + otherSymbol).then().body("items.id", contains((int) a4));
        as(user).get("/api/v1/alerts?symbol=NOPE&includeTotal=true")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0));
        as(user).get("/api/v1/alerts?active=true&triggered=false&symbol=" + symbol)
                .then()
                .body("items.id", contains((int) a3));
        as(user).get("/api/v1/alerts?type=NOPE").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        as(user).get("/api/v1/alerts?size=101").then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void shouldReArmWhenTheConditionIsEditedAndNotFireOnHistory() {
        Instant t0 = Instant.parse("2025-05-01T10:30:00Z");
        TestClock.set(t0);
        long id = create(user, priceAlert("ABOVE", "100"));
        Instant candle = t0.minus(Duration.ofMinutes(30)); // closes at 11:00
        AlertTestData.candle(pool, asset, "1h", candle, "150");
        TestClock.set(t0.plus(Duration.ofMinutes(31)));
        evaluation.evaluate().await().indefinitely();
        as(user).get("/api/v1/alerts/{id}", id)
                .then()
                .body("status", equalTo("TRIGGERED"))
                .body("triggerCount", equalTo(1))
                .body("lastFiredCandle", equalTo("2025-05-01T10:00:00Z"))
                .body("lastChecked", equalTo("2025-05-01T11:01:00Z"));

        // edited after the 10:00 candle closed: that candle is history for the re-armed alert
        as(user).body(Map.of("triggerValue", "120"))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ARMED"))
                .body("triggerValue", equalTo("120"));
        TestClock.advance(Duration.ofMinutes(5));
        evaluation.evaluate().await().indefinitely();
        as(user).get("/api/v1/alerts/{id}", id)
                .then()
                .body("triggerCount", equalTo(1))
                .body("status", equalTo("ARMED"))
                .body("lastChecked", equalTo("2025-05-01T11:06:00Z"));
        assertThat(AlertTestData.alert(pool, id).getValue("last_checked").toString())
                .contains("11:01");

        AlertTestData.candle(pool, asset, "1h", candle.plus(Duration.ofHours(1)), "130");
        TestClock.set(t0.plus(Duration.ofMinutes(91)));
        evaluation.evaluate().await().indefinitely();
        as(user).get("/api/v1/alerts/{id}", id)
                .then()
                .body("triggerCount", equalTo(2))
                .body("status", equalTo("TRIGGERED"));

        // a message-only edit does not re-arm
        as(user).body(Map.of("message", "hello"))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("TRIGGERED"))
                .body("message", equalTo("hello"));
        // switching it off and on again re-arms it
        as(user).body(Map.of("active", false))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .body("status", equalTo("INACTIVE"));
        as(user).body(Map.of("active", true))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .body("status", equalTo("ARMED"));
    }

    @Test
    void shouldShowExpiredAlertsAsExpired() {
        TestClock.set(Instant.parse("2025-06-01T00:00:00Z"));
        Map<String, Object> body = new java.util.HashMap<>(priceAlert("ABOVE", "100"));
        body.put("expiresAt", "2025-06-01T01:00:00Z");
        long id = create(user, body);
        TestClock.advance(Duration.ofHours(2));
        as(user).get("/api/v1/alerts/{id}", id).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void shouldAnswer400NamingTheFieldForEachBadInput() {
        bad(
                Map.of("symbol", "NOSUCH", "alertType", "PRICE_TARGET", "condition", "ABOVE", "triggerValue", "1"),
                "symbol",
                "no asset");
        bad(priceAlert("SPIKE", "100"), "condition", "PRICE_TARGET");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "PERCENTAGE_CHANGE",
                        "condition",
                        "ABOVE",
                        "triggerValue",
                        "1",
                        "windowCandles",
                        3),
                "condition",
                "MOVES_UP");
        bad(Map.of("symbol", symbol, "alertType", "PRICE_TARGET", "condition", "ABOVE"), "triggerValue", "required");
        bad(priceAlert("ABOVE", "-5"), "triggerValue", "positive");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "PERCENTAGE_CHANGE",
                        "condition",
                        "MOVES_UP",
                        "triggerValue",
                        "0",
                        "windowCandles",
                        3),
                "triggerValue",
                "positive");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "PERCENTAGE_CHANGE",
                        "condition",
                        "MOVES_UP",
                        "triggerValue",
                        "5"),
                "windowCandles",
                "required");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "VOLUME_SPIKE",
                        "condition",
                        "SPIKE",
                        "triggerValue",
                        "2",
                        "windowCandles",
                        0),
                "windowCandles",
                "positive");
        bad(with(priceAlert("ABOVE", "1"), "cooldownSeconds", -1), "cooldownSeconds", "positive");
        bad(with(priceAlert("ABOVE", "1"), "frequency", "EVERY_TIME"), "cooldownSeconds", "EVERY_TIME");
        bad(with(priceAlert("ABOVE", "1"), "expiresAt", "2020-01-01T00:00:00Z"), "expiresAt", "future");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "INDICATOR",
                        "condition",
                        "ABOVE",
                        "indicatorKey",
                        "rsi_15",
                        "triggerValue",
                        "70"),
                "indicatorKey",
                "not a stored indicator");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "INDICATOR",
                        "condition",
                        "ABOVE",
                        "indicatorKey",
                        "wat_3",
                        "triggerValue",
                        "70"),
                "indicatorKey",
                "unknown indicator");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "INDICATOR",
                        "condition",
                        "ABOVE",
                        "indicatorKey",
                        "macd_12_26_9",
                        "triggerValue",
                        "0"),
                "indicatorKey",
                "output");
        bad(
                Map.of("symbol", symbol, "alertType", "INDICATOR", "condition", "ABOVE", "indicatorKey", "rsi_14"),
                "triggerValue",
                "required");
        bad(
                Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "INDICATOR",
                        "condition",
                        "ABOVE",
                        "indicatorKey",
                        "close",
                        "referenceKey",
                        "sma_7"),
                "referenceKey",
                "not a stored indicator");
        bad(
                with(priceAlert("ABOVE", "1"), "notificationMethods", List.of("PUSH")),
                "notificationMethods",
                "not available");
        bad(
                with(priceAlert("ABOVE", "1"), "notificationMethods", List.of("SMS")),
                "notificationMethods",
                "not available");
        bad(
                Map.of("symbol", symbol, "alertType", "SIGNAL_GENERATED", "condition", "ABOVE"),
                "condition",
                "must be absent");
        bad(
                Map.of("symbol", symbol, "alertType", "SIGNAL_GENERATED", "triggerValue", "1"),
                "triggerValue",
                "must be absent");
        bad(Map.of("symbol", symbol, "alertType", "PRICE_TARGET", "triggerValue", "1"), "condition", "must be one of");
        bad(with(priceAlert("ABOVE", "1"), "timeframe", "2h"), "timeframe", "");
        bad(Map.of("symbol", symbol, "alertType", "NOPE", "condition", "ABOVE", "triggerValue", "1"), "alertType", "");

        long id = create(user, priceAlert("ABOVE", "100"));
        as(user).body(Map.of("condition", "MOVES_UP"))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("condition"));
        as(user).body(Map.of("expiresAt", "2020-01-01T00:00:00Z"))
                .patch("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheBodyRepeatsAKeyOrHoldsANulCharacter() {
        String base = "{\"symbol\":\"" + symbol + "\",\"alertType\":\"PRICE_TARGET\",\"condition\":\"ABOVE\","
                + "\"triggerValue\":\"1\"";
        badJson(base + ",\"triggerValue\":\"2\"}", "triggerValue", "must not be given more than once");
        badJson(base + ",\"message\":\"ab\\u0000cd\"}", "message", "must not contain the character U+0000");
        as(user).queryParam("symbol", "A\u0000")
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("symbol"))
                .body("violations[0].in", equalTo("query"));
    }

    void badJson(String json, String field, String message) {
        as(user).body(json)
                .post("/api/v1/alerts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].in", equalTo("body"))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void shouldAnswer422WhenTheUserHasTooManyAlerts() {
        for (int i = 0; i < 500; i++) {
            new AlertTestData.Alert(user, asset, Instant.now())
                    .when("above", "1")
                    .insert(pool);
        }
        as(user).body(priceAlert("ABOVE", "100"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(422)
                .body("code", equalTo("ALERT_LIMIT_REACHED"));
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    void bad(Map<String, Object> body, String field, String messagePart) {
        as(user).body(body)
                .post("/api/v1/alerts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(messagePart));
    }
}
