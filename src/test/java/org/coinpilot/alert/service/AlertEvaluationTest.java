package org.coinpilot.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.alert.testing.AlertTestData.Alert;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation statements against candles written straight into price_data: each condition per type, crossings
 * exactly at the level, gaps, windows, frequencies, expiry, history, and the notification rows.
 */
@QuarkusTest
class AlertEvaluationTest {

    /** Alerts are created at T0 (10:30); the 10:00 1h candle closes at 11:00, after it; the 09:00 one is history. */
    static final Instant T0 = Instant.parse("2025-03-10T10:30:00Z");

    static final Duration H = Duration.ofHours(1);

    @Inject
    Pool pool;

    @Inject
    AlertEvaluationService evaluation;

    @Inject
    org.coinpilot.common.job.JobRunner runner;

    @Inject
    org.coinpilot.common.job.JobScheduler scheduler;

    long user;
    long asset;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "AL", false);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    Alert alert() {
        return new Alert(user, asset, T0);
    }

    /** Inserts the 1h candle at 10:00 + i hours with this close and evaluates at its close (+1 min). */
    void closeAt(int i, String close) {
        AlertTestData.candle(pool, asset, "1h", T0.minus(Duration.ofMinutes(30)).plus(H.multipliedBy(i)), close);
        pass(i);
    }

    void pass(int i) {
        evaluation
                .evaluate(T0.plus(Duration.ofMinutes(31)).plus(H.multipliedBy(i)))
                .await()
                .indefinitely();
    }

    int fired(long alertId) {
        return AlertTestData.alert(pool, alertId).getInteger("trigger_count");
    }

    List<Row> notifications(long alertId) {
        return AlertTestData.notifications(pool, alertId);
    }

    // ------------------------------------------------------------------------------------------ price_target

    @Test
    void shouldFireAboveAndBelowOnTheLatestCloseWhenItClosedAfterCreation() {
        long above =
                alert().when("above", "100").frequency("once_per_candle", null).insert(pool);
        long below =
                alert().when("below", "100").frequency("once_per_candle", null).insert(pool);
        long atLevel =
                alert().when("above", "101").frequency("once_per_candle", null).insert(pool);

        closeAt(0, "101"); // 10:00 candle, closes 11:00 (after creation)

        assertThat(fired(above)).isEqualTo(1);
        assertThat(fired(below)).isZero();
        assertThat(fired(atLevel)).as("equal is not above").isZero();

        closeAt(1, "99");
        assertThat(fired(above)).isEqualTo(1);
        assertThat(fired(below)).isEqualTo(1);
        assertThat(AlertTestData.alert(pool, below)
                        .getOffsetDateTime("last_fired_candle")
                        .toInstant())
                .isEqualTo(Instant.parse("2025-03-10T11:00:00Z"));
    }

    @Test
    void shouldNotFireOnCandlesThatClosedBeforeTheAlertWasCreated() {
        // the 09:00 candle closed at 10:00, before T0 (10:30): history
        AlertTestData.candle(pool, asset, "1h", T0.minus(Duration.ofMinutes(90)), "150");
        long above = alert().when("above", "100").insert(pool);

        evaluation.evaluate(T0.plus(Duration.ofMinutes(1))).await().indefinitely();
        assertThat(fired(above)).isZero();
        assertThat(notifications(above)).isEmpty();

        closeAt(0, "150");
        assertThat(fired(above)).isEqualTo(1);
    }

    @Test
    void shouldFireCrossUpOnceWhenTheCloseTouchesTheLevelAndThenCrossesIt() {
        long up = alert().when("crosses_up", "100")
                .frequency("once_per_candle", null)
                .insert(pool);
        long down = alert().when("crosses_down", "100")
                .frequency("once_per_candle", null)
                .insert(pool);
        long either = alert().when("crosses", "100")
                .frequency("once_per_candle", null)
                .insert(pool);

        closeAt(0, "99");
        assertThat(fired(up)).as("no previous candle yet").isZero();
        closeAt(1, "100"); // touch: not a cross
        assertThat(fired(up)).isZero();
        assertThat(fired(either)).isZero();
        closeAt(2, "101"); // from exactly at the level to above: the cross
        assertThat(fired(up)).isEqualTo(1);
        assertThat(fired(either)).isEqualTo(1);
        closeAt(3, "102"); // stays above
        assertThat(fired(up)).isEqualTo(1);
        assertThat(fired(either)).isEqualTo(1);
        assertThat(fired(down)).isZero();

        closeAt(4, "100"); // back to the level: touching is not a cross down
        assertThat(fired(down)).isZero();
        closeAt(5, "99.99999999");
        assertThat(fired(down)).isEqualTo(1);
        assertThat(fired(either)).isEqualTo(2);
        assertThat(fired(up)).isEqualTo(1);
    }

    @Test
    void shouldCompareWithThePreviousStoredCandleAcrossAGap() {
        long up = alert().when("crosses_up", "100").insert(pool);
        closeAt(0, "95");
        // 11:00 and 12:00 are missing; 13:00 closes above: P is the 10:00 candle
        closeAt(3, "105");
        assertThat(fired(up)).isEqualTo(1);
        assertThat(AlertTestData.alert(pool, up).getBoolean("is_triggered")).isTrue();
    }

    @Test
    void shouldDisarmAOnceAlertAfterItFires() {
        long once = alert().when("above", "100").insert(pool);
        closeAt(0, "101");
        closeAt(1, "102");
        closeAt(2, "103");
        Row row = AlertTestData.alert(pool, once);
        assertThat(row.getInteger("trigger_count")).isEqualTo(1);
        assertThat(row.getBoolean("is_triggered")).isTrue();
        assertThat(row.getOffsetDateTime("triggered_at").toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(31)));
        assertThat(notifications(once)).hasSize(1);
    }

    @Test
    void shouldFireOncePerCandleWhenEvaluatedSeveralTimesOnTheSameCandle() {
        long each =
                alert().when("above", "100").frequency("once_per_candle", null).insert(pool);
        closeAt(0, "101");
        pass(0);
        evaluation.evaluate(T0.plus(Duration.ofMinutes(50))).await().indefinitely();
        assertThat(fired(each)).isEqualTo(1);
        closeAt(1, "101");
        pass(1);
        assertThat(fired(each)).isEqualTo(2);
        assertThat(notifications(each)).hasSize(2);
        assertThat(AlertTestData.alert(pool, each).getBoolean("is_triggered")).isFalse();
    }

    @Test
    void shouldWaitForTheCooldownBetweenTwoFiringsOfAnEveryTimeAlert() {
        long every = alert().when("above", "100")
                .timeframe("15m")
                .frequency("every_time", 3600)
                .insert(pool);
        Instant c0 = T0; // the 10:30 15m candle closes at 10:45
        AlertTestData.candle(pool, asset, "15m", c0, "101");
        TestClock.set(c0.plus(Duration.ofMinutes(16)));
        evaluation.evaluate().await().indefinitely();
        assertThat(fired(every)).isEqualTo(1);

        AlertTestData.candle(pool, asset, "15m", c0.plus(Duration.ofMinutes(15)), "102");
        TestClock.advance(Duration.ofMinutes(15));
        evaluation.evaluate().await().indefinitely();
        assertThat(fired(every)).as("inside the cooldown").isEqualTo(1);

        TestClock.advance(Duration.ofMinutes(45)); // one hour after the first firing
        evaluation.evaluate().await().indefinitely();
        assertThat(fired(every)).isEqualTo(2);
        assertThat(AlertTestData.alert(pool, every)
                        .getOffsetDateTime("last_fired_candle")
                        .toInstant())
                .isEqualTo(c0.plus(Duration.ofMinutes(15)));
        evaluation.evaluate().await().indefinitely();
        assertThat(fired(every)).as("same candle again").isEqualTo(2);
    }

    @Test
    void shouldNeverEvaluateAnExpiredAlert() {
        long expired = alert().when("above", "100")
                .expiresAt(T0.plus(Duration.ofMinutes(31)))
                .insert(pool);
        long alive = alert().when("above", "100")
                .expiresAt(T0.plus(Duration.ofMinutes(32)))
                .insert(pool);
        closeAt(0, "150"); // evaluated at T0 + 31 min
        assertThat(fired(expired)).isZero();
        assertThat(notifications(expired)).isEmpty();
        assertThat(fired(alive)).isEqualTo(1);
    }

    @Test
    void shouldIgnoreInactiveAlerts() {
        long off = alert().when("above", "100").insert(pool);
        pool.query("UPDATE signal_alerts SET is_active = false WHERE id = " + off)
                .execute()
                .await()
                .indefinitely();
        closeAt(0, "150");
        assertThat(fired(off)).isZero();
    }

    // ------------------------------------------------------------------------------------------ notifications

    @Test
    void shouldWriteTheNotificationWithTheContractFieldsInTheSameStatement() {
        long custom = alert().when("crosses_up", "100")
                .methods("in_app", "webhook", "email")
                .message("BTC broke out")
                .insert(pool);
        long generated = alert().when("above", "100.5").methods("email").insert(pool);
        closeAt(0, "99");
        closeAt(1, "100.75");

        Row n = notifications(custom).get(0);
        String symbol = MarketTestData.symbol(pool, asset);
        Instant candle = Instant.parse("2025-03-10T11:00:00Z");
        assertThat(n.getLong("user_id")).isEqualTo(user);
        assertThat(n.getString("notification_type")).isEqualTo("alert");
        assertThat(n.getString("message")).isEqualTo("BTC broke out");
        assertThat(n.getString("title")).contains(symbol).contains("100");
        assertThat(n.getString("priority")).isEqualTo("high");
        assertThat(n.getString("status")).isEqualTo("unread");
        assertThat(n.getString("idempotency_key")).isEqualTo("alert:" + custom + ":" + candle.getEpochSecond());
        assertThat(n.getLong("alert_id")).isEqualTo(custom);
        assertThat((JsonArray) n.getValue("channels"))
                .isEqualTo(new JsonArray().add("webhook").add("email"));
        assertThat(n.getValue("sent_at")).isNull();
        assertThat(n.getValue("scheduled_for")).isNull();
        JsonObject data = (JsonObject) n.getValue("data");
        assertThat(data.getLong("alertId")).isEqualTo(custom);
        assertThat(data.getString("symbol")).isEqualTo(symbol);
        assertThat(data.getString("alertType")).isEqualTo("PRICE_TARGET");
        assertThat(data.getString("condition")).isEqualTo("CROSSES_UP");
        assertThat(data.getString("timeframe")).isEqualTo("1h");
        assertThat(data.getString("candleTime")).isEqualTo("2025-03-10T11:00:00Z");
        assertThat(data.getString("value")).isEqualTo("100.75");
        assertThat(data.getString("level")).isEqualTo("100");

        Row g = notifications(generated).get(0);
        assertThat(g.getString("message"))
                .contains(symbol)
                .contains("100.75")
                .contains("above")
                .contains("100.5");
        assertThat((JsonArray) g.getValue("channels")).isEqualTo(new JsonArray().add("email"));
    }

    @Test
    void shouldNotWriteASecondNotificationWhenTheSameTriggerIsReplayed() {
        long each =
                alert().when("above", "100").frequency("once_per_candle", null).insert(pool);
        closeAt(0, "101");
        // an evaluation that lost its guard (e.g. a restored backup) would insert the same key again
        pool.query("UPDATE signal_alerts SET last_fired_candle = NULL WHERE id = " + each)
                .execute()
                .await()
                .indefinitely();
        pass(0);
        assertThat(fired(each)).isEqualTo(2);
        assertThat(notifications(each)).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ percentage_change

    @Test
    void shouldMeasureTheMoveFromTheEarliestCandleOfTheWindow() {
        long up = alert().type("percentage_change")
                .when("moves_up", "5")
                .window(3)
                .frequency("once_per_candle", null)
                .insert(pool);
        long upTooFar = alert().type("percentage_change")
                .when("moves_up", "6.1")
                .window(3)
                .insert(pool);
        long down = alert().type("percentage_change")
                .when("moves_down", "5")
                .window(3)
                .insert(pool);
        long either = alert().type("percentage_change")
                .when("percentage_change", "5")
                .window(3)
                .insert(pool);
        long shortWindow = alert().type("percentage_change")
                .when("moves_up", "5")
                .window(1)
                .insert(pool);

        closeAt(0, "100");
        closeAt(1, "103");
        closeAt(2, "104");
        assertThat(fired(up)).isZero();
        closeAt(3, "106"); // R = 10:00 (100): +6 %; with N = 1, R = 12:00 (104): +1.9 %
        assertThat(fired(up)).isEqualTo(1);
        assertThat(fired(upTooFar)).isZero();
        assertThat(fired(down)).isZero();
        assertThat(fired(either)).isEqualTo(1);
        assertThat(fired(shortWindow)).isZero();
        JsonObject data = (JsonObject) notifications(up).get(0).getValue("data");
        assertThat(data.getString("value")).isEqualTo("6");
        assertThat(data.getString("level")).isEqualTo("5");

        closeAt(4, "98.8"); // R = 11:00 (103): -4.08 %
        assertThat(fired(down)).isZero();
        closeAt(5, "97"); // R = 12:00 (104): -6.7 %
        assertThat(fired(down)).isEqualTo(1);
    }

    @Test
    void shouldNotEvaluateAMoveWithoutACandleInTheWindow() {
        long either = alert().type("percentage_change")
                .when("percentage_change", "1")
                .window(2)
                .insert(pool);
        closeAt(0, "100");
        closeAt(3, "150"); // window [11:00, 13:00) is empty (gap)
        assertThat(fired(either)).isZero();
        closeAt(4, "100"); // window [12:00, 14:00) holds 13:00 (150): -33 %
        assertThat(fired(either)).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ volume_spike

    @Test
    void shouldFireAVolumeSpikeAgainstTheAverageOfTheWindow() {
        long spike = alert().type("volume_spike").when("spike", "3").window(3).insert(pool);
        long higher =
                alert().type("volume_spike").when("spike", "3.01").window(3).insert(pool);
        Instant c = T0.minus(Duration.ofMinutes(30));
        AlertTestData.candle(pool, asset, "1h", c, "100", "10");
        AlertTestData.candle(pool, asset, "1h", c.plus(H), "100", "20");
        AlertTestData.candle(pool, asset, "1h", c.plus(H.multipliedBy(2)), "100", "30");
        AlertTestData.candle(pool, asset, "1h", c.plus(H.multipliedBy(3)), "100", "60"); // avg 20, 3 x 20 = 60
        pass(3);
        assertThat(fired(spike)).isEqualTo(1);
        assertThat(fired(higher)).isZero();
        JsonObject data = (JsonObject) notifications(spike).get(0).getValue("data");
        assertThat(data.getString("value")).isEqualTo("60");
        assertThat(data.getString("average")).isEqualTo("20");
    }

    @Test
    void shouldNotFireAVolumeSpikeOnAZeroAverage() {
        long spike = alert().type("volume_spike").when("spike", "2").window(2).insert(pool);
        Instant c = T0.minus(Duration.ofMinutes(30));
        AlertTestData.candle(pool, asset, "1h", c, "100", "0");
        AlertTestData.candle(pool, asset, "1h", c.plus(H), "100", "0");
        AlertTestData.candle(pool, asset, "1h", c.plus(H.multipliedBy(2)), "100", "5");
        pass(2);
        assertThat(fired(spike)).isZero();
    }

    // ------------------------------------------------------------------------------------------ indicator

    @Test
    void shouldCrossAnIndicatorOverAConstant() {
        long rsi = alert().type("indicator")
                .when("crosses_up", "30")
                .indicator("rsi_14", "{RSI}")
                .insert(pool);
        long rsiBelow = alert().type("indicator")
                .when("below", "30")
                .indicator("rsi_14", "{RSI}")
                .insert(pool);
        Instant c = T0.minus(Duration.ofMinutes(30));
        AlertTestData.candle(pool, asset, "1h", c, "100");
        AlertTestData.candle(pool, asset, "1h", c.plus(H), "101");
        AlertTestData.indicators(pool, asset, "1h", c, new JsonObject().put("RSI", 28.5));
        pass(1);
        assertThat(fired(rsi)).as("indicators of L not computed yet (NULL)").isZero();
        assertThat(fired(rsiBelow)).isZero();

        AlertTestData.indicators(pool, asset, "1h", c.plus(H), new JsonObject().put("RSI", 31.25));
        pass(1);
        assertThat(fired(rsi)).isEqualTo(1);
        assertThat(fired(rsiBelow)).isZero();
        JsonObject data = (JsonObject) notifications(rsi).get(0).getValue("data");
        assertThat(data.getString("value")).isEqualTo("31.25");
        assertThat(data.getString("level")).isEqualTo("30");
        assertThat(data.getString("indicatorKey")).isEqualTo("rsi_14");
    }

    @Test
    void shouldCrossThePriceOverAnIndicator() {
        long priceOverSma = alert().type("indicator")
                .when("crosses_up", null)
                .indicator("close", null)
                .reference("sma_50", "{SMA,50}")
                .insert(pool);
        long macd = alert().type("indicator")
                .when("above", "0")
                .indicator("macd_12_26_9.histogram", "{MACD,histogram}")
                .insert(pool);
        Instant c = T0.minus(Duration.ofMinutes(30));
        AlertTestData.candle(pool, asset, "1h", c, "100");
        AlertTestData.candle(pool, asset, "1h", c.plus(H), "103");
        AlertTestData.indicators(pool, asset, "1h", c, new JsonObject().put("SMA", new JsonObject().put("50", 101)));
        // warm-up: no MACD at L yet
        AlertTestData.indicators(
                pool, asset, "1h", c.plus(H), new JsonObject().put("SMA", new JsonObject().put("50", 102.5)));
        pass(1);
        assertThat(fired(priceOverSma)).isEqualTo(1);
        assertThat(fired(macd)).isZero();
        JsonObject data = (JsonObject) notifications(priceOverSma).get(0).getValue("data");
        assertThat(data.getString("value")).isEqualTo("103");
        assertThat(data.getString("level")).isEqualTo("102.5");
        assertThat(data.getString("referenceKey")).isEqualTo("sma_50");

        AlertTestData.candle(pool, asset, "1h", c.plus(H.multipliedBy(2)), "104");
        AlertTestData.indicators(
                pool,
                asset,
                "1h",
                c.plus(H.multipliedBy(2)),
                new JsonObject()
                        .put("SMA", new JsonObject().put("50", 102.7))
                        .put(
                                "MACD",
                                new JsonObject()
                                        .put("value", 1.5)
                                        .put("signal", 1.0)
                                        .put("histogram", 0.5)));
        pass(2);
        assertThat(fired(macd)).isEqualTo(1);
        assertThat(fired(priceOverSma)).as("already above: no new cross").isEqualTo(1);
    }

    @Test
    void shouldCrossDownAndEitherWayBetweenTwoIndicatorsAndHonourTheFrequency() {
        long down = alert().type("indicator")
                .when("crosses_down", null)
                .indicator("ema_20", "{EMA,20}")
                .reference("ema_100", "{EMA,100}")
                .frequency("once_per_candle", null)
                .insert(pool);
        long either = alert().type("indicator")
                .when("crosses", null)
                .indicator("ema_20", "{EMA,20}")
                .reference("ema_100", "{EMA,100}")
                .frequency("once_per_candle", null)
                .insert(pool);
        long eitherOnce = alert().type("indicator")
                .when("crosses", null)
                .indicator("ema_20", "{EMA,20}")
                .reference("ema_100", "{EMA,100}")
                .insert(pool);
        double[][] emas = {{10, 12}, {12, 12}, {13, 12}, {11, 12}};
        Instant c = T0.minus(Duration.ofMinutes(30));
        for (int i = 0; i < emas.length; i++) {
            Instant t = c.plus(H.multipliedBy(i));
            AlertTestData.candle(pool, asset, "1h", t, "100");
            AlertTestData.indicators(
                    pool,
                    asset,
                    "1h",
                    t,
                    new JsonObject()
                            .put("EMA", new JsonObject().put("20", emas[i][0]).put("100", emas[i][1])));
            pass(i);
        }
        // 10<12, 12=12 (touch), 13>12 (cross up from the level), 11<12 (cross down)
        assertThat(fired(down)).isEqualTo(1);
        assertThat(fired(either)).isEqualTo(2);
        assertThat(fired(eitherOnce)).isEqualTo(1);
        assertThat(AlertTestData.alert(pool, eitherOnce).getBoolean("is_triggered"))
                .isTrue();
    }

    @Test
    void shouldFirePercentageAndVolumeAlertsOncePerCandleOrOnce() {
        long each = alert().type("percentage_change")
                .when("moves_up", "1")
                .window(1)
                .frequency("once_per_candle", null)
                .insert(pool);
        long once = alert().type("percentage_change")
                .when("moves_up", "1")
                .window(1)
                .insert(pool);
        long volumeEach = alert().type("volume_spike")
                .when("spike", "1")
                .window(1)
                .frequency("once_per_candle", null)
                .insert(pool);
        closeAt(0, "100");
        closeAt(1, "102");
        pass(1);
        closeAt(2, "104");
        assertThat(fired(each)).isEqualTo(2);
        assertThat(fired(once)).isEqualTo(1);
        assertThat(fired(volumeEach)).as("1000 >= 1 x 1000 on both candles").isEqualTo(2);
        assertThat(notifications(volumeEach)).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ last checked

    @Test
    void shouldRecordTheSeriesCheckInsteadOfTouchingEveryAlert() {
        long quiet = alert().when("above", "1000").insert(pool);
        closeAt(0, "100");
        Row row = AlertTestData.alert(pool, quiet);
        assertThat(row.getValue("last_checked")).isNull();
        Row check = pool.preparedQuery("SELECT checked_at, latest_candle FROM alert_series_checks"
                        + " WHERE crypto_id = $1 AND timeframe = '1h' AND alert_type = 'price_target'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(asset))
                .await()
                .indefinitely()
                .iterator()
                .next();
        assertThat(check.getOffsetDateTime("checked_at").toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(31)));
        assertThat(check.getOffsetDateTime("latest_candle").toInstant()).isEqualTo(T0.minus(Duration.ofMinutes(30)));
    }

    // ------------------------------------------------------------------------------------------ job

    @Test
    void shouldReportFiredAlertsPerTypeWhenTheJobRuns() {
        Instant now = Instant.now();
        long above = new Alert(user, asset, now.minus(Duration.ofHours(2)))
                .when("above", "1")
                .insert(pool);
        AlertTestData.candle(pool, asset, "1h", now.minus(Duration.ofMinutes(90)), "5");

        io.restassured.RestAssured.given()
                .header(
                        "Authorization",
                        org.coinpilot.common.test.TestTokens.bearer(org.coinpilot.common.test.TestTokens.admin()))
                .contentType(io.restassured.http.ContentType.JSON)
                .queryParam("wait", true)
                .body("{}")
                .post("/api/v1/admin/jobs/{name}/runs", "alerts.evaluate")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"))
                .body("result.fired", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("result.byType.price_target.fired", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body(
                        "result.byType.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "price_target", "signal_generated", "volume_spike", "percentage_change", "indicator"));
        assertThat(fired(above)).isEqualTo(1);
        assertThat(scheduler
                        .scheduleOf(runner.job("alerts.evaluate").orElseThrow())
                        .every())
                .isEqualTo("1m");
    }
}
