package org.coinpilot.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.alert.testing.AlertTestData.Alert;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.signal.testing.SignalTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code signal_generated} alerts: a new trading signal on an asset notifies the users alerting on it, once per
 * (alert, signal), read through signal's published view {@code signal_events}.
 */
@QuarkusTest
class SignalGeneratedAlertTest {

    static final Instant T0 = Instant.parse("2031-07-01T10:00:00Z");
    static final Duration M = Duration.ofMinutes(1);

    @Inject
    Pool pool;

    @Inject
    AlertEvaluationService evaluation;

    long asset;
    long otherAsset;

    @BeforeEach
    void setUp() {
        asset = MarketTestData.asset(pool, "SA", false);
        otherAsset = MarketTestData.asset(pool, "SB", false);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    long signalAlert(long user, long crypto, String frequency) {
        Alert alert = new Alert(user, crypto, T0).type("signal_generated").when(null, null);
        alert.frequency = frequency;
        return alert.insert(pool);
    }

    long newSignal(long crypto, Instant created) {
        long id = SignalTestData.signal(
                pool, crypto, null, "long", "100", "110", "95", "1h", created, created.plus(Duration.ofHours(4)), null);
        pool.preparedQuery("UPDATE trading_signals SET risk_level = 'medium', risk_reward_ratio = 2 WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await()
                .indefinitely();
        return id;
    }

    void pass(Instant at) {
        evaluation.evaluate(at).await().indefinitely();
    }

    @Test
    void shouldNotifyEachUserAlertingOnTheAssetExactlyOnce() {
        long u1 = AlertTestData.user(pool);
        long u2 = AlertTestData.user(pool);
        long u3 = AlertTestData.user(pool);
        long once = signalAlert(u1, asset, "once");
        long every = signalAlert(u2, asset, "once_per_candle");
        long elsewhere = signalAlert(u3, otherAsset, "once");
        long priceOnly = new Alert(u3, asset, T0).when("above", "1000000").insert(pool);
        // a signal made before the alerts were armed never fires them
        newSignal(asset, T0.minus(M));

        long signal = newSignal(asset, T0.plus(M));
        pass(T0.plus(M.multipliedBy(2)));

        List<Row> first = AlertTestData.notifications(pool, once);
        assertThat(first).hasSize(1);
        assertThat(AlertTestData.notifications(pool, every)).hasSize(1);
        assertThat(AlertTestData.notifications(pool, elsewhere)).isEmpty();
        assertThat(AlertTestData.notifications(pool, priceOnly)).isEmpty();
        Row n = first.get(0);
        assertThat(n.getLong("user_id")).isEqualTo(u1);
        assertThat(n.getString("idempotency_key")).isEqualTo("alert:" + once + ":signal:" + signal);
        JsonObject data = (JsonObject) n.getValue("data");
        assertThat(data.getLong("signalId")).isEqualTo(signal);
        assertThat(data.getString("alertType")).isEqualTo("SIGNAL_GENERATED");
        assertThat(data.getString("signalType")).isEqualTo("LONG");
        assertThat(data.getString("entryPrice")).isEqualTo("100");
        assertThat(data.getString("stopLoss")).isEqualTo("95");
        assertThat(data.getString("riskLevel")).isEqualTo("MEDIUM");
        assertThat(n.getString("message")).contains("New long signal on").contains("entry 100, target 110, stop 95");
        Row fired = AlertTestData.alert(pool, once);
        assertThat(fired.getBoolean("is_triggered")).isTrue();
        assertThat(fired.getInteger("trigger_count")).isEqualTo(1);

        // evaluating again changes nothing
        pass(T0.plus(M.multipliedBy(3)));
        pass(T0.plus(M.multipliedBy(4)));
        assertThat(AlertTestData.notifications(pool, once)).hasSize(1);
        assertThat(AlertTestData.notifications(pool, every)).hasSize(1);
        assertThat(AlertTestData.alert(pool, every).getInteger("trigger_count")).isEqualTo(1);

        // a second signal: the once alert is spent, the every-signal one fires again, the other asset's stays silent
        long second = newSignal(asset, T0.plus(M.multipliedBy(5)));
        pass(T0.plus(M.multipliedBy(6)));
        pass(T0.plus(M.multipliedBy(7)));
        assertThat(AlertTestData.notifications(pool, once)).hasSize(1);
        assertThat(AlertTestData.notifications(pool, every))
                .extracting(r -> r.getString("idempotency_key"))
                .containsExactly("alert:" + every + ":signal:" + signal, "alert:" + every + ":signal:" + second);
        assertThat(AlertTestData.notifications(pool, elsewhere)).isEmpty();
    }

    @Test
    void shouldNotFireOnASignalNotYetMadeAtTheEvaluatedInstant() {
        long user = AlertTestData.user(pool);
        long alert = signalAlert(user, asset, "once_per_candle");
        newSignal(asset, T0.plus(M.multipliedBy(10)));

        pass(T0.plus(M.multipliedBy(5)));

        assertThat(AlertTestData.notifications(pool, alert)).isEmpty();
    }

    @Test
    void shouldCreateASignalGeneratedAlertThroughTheApiWithoutConditionOrLevel() {
        long user = AlertTestData.user(pool);
        TestClock.set(T0);
        String symbol = MarketTestData.symbol(pool, asset);
        int id = given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON)
                .body(Map.of("symbol", symbol, "alertType", "SIGNAL_GENERATED", "frequency", "ONCE_PER_CANDLE"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201)
                .body("alertType", equalTo("SIGNAL_GENERATED"))
                .body("condition", nullValue())
                .body("triggerValue", nullValue())
                .extract()
                .path("id");

        newSignal(asset, T0.plus(M));
        pass(T0.plus(M.multipliedBy(2)));

        assertThat(AlertTestData.notifications(pool, id)).hasSize(1);
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(200)
                .body("triggerCount", equalTo(1));
    }
}
