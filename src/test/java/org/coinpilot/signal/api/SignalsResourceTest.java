package org.coinpilot.signal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.signal.service.SignalService;
import org.coinpilot.signal.testing.SignalTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/signals} and the admin cancel: filters, paging, 404/409, roles, expiry, and the track record. */
@QuarkusTest
class SignalsResourceTest {

    static final Instant T0 = Instant.parse("2031-06-01T00:00:00Z");
    static final Instant EXPIRES = T0.plus(Duration.ofHours(4));

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SignalService service;

    long user;
    long asset;
    String symbol;
    long model;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "SR", false);
        symbol = MarketTestData.symbol(pool, asset);
        model = SignalTestData.activeModel(pool, "1h", 0.8);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    RequestSpecification asUser() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON);
    }

    RequestSpecification asAdmin(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** The bootstrap admin's token, from a real login (the audit trail needs a real session). */
    String adminLogin() {
        return given().header("X-Forwarded-For", "10.78." + (int) (Math.random() * 250) + ".9")
                .header("User-Agent", "SignalsResourceTest/" + UUID.randomUUID())
                .contentType(ContentType.JSON)
                .body(Map.of("email", "root@test.coinpilot.dev", "password", "Bootstrap-admin-2026"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    long signal(String type, String regime) {
        boolean isLong = type.equals("long");
        return SignalTestData.signal(
                pool,
                asset,
                model,
                type,
                "100",
                isLong ? "110" : "90",
                isLong ? "95" : "105",
                "1h",
                T0,
                EXPIRES,
                regime);
    }

    @Test
    void shouldListAndFilterSignalsForAnyAuthenticatedUser() {
        long first = signal("long", "bull");
        long second = signal("short", "bear");

        asUser().queryParam("symbol", symbol)
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo((int) second))
                .body("items[0].signalType", equalTo("SHORT"))
                .body("items[0].symbol", equalTo(symbol))
                .body("items[0].entryPrice", equalTo("100"))
                .body("items[0].stopLoss", equalTo("105"))
                .body("items[0].timeframe", equalTo("1h"))
                .body("totalItems", equalTo(2));
        asUser().queryParam("symbol", symbol)
                .queryParam("type", "LONG")
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) first)));
        asUser().queryParam("symbol", symbol)
                .queryParam("status", "CANCELLED")
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        asUser().queryParam("symbol", symbol)
                .queryParam("createdFrom", T0.toString())
                .queryParam("createdTo", T0.plusSeconds(1).toString())
                .queryParam("size", 1)
                .queryParam("includeTotal", false)
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        asUser().queryParam("symbol", symbol)
                .queryParam("createdFrom", T0.plusSeconds(1).toString())
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        asUser().queryParam("symbol", "NOSUCHSYM")
                .get("/api/v1/signals")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        asUser().get("/api/v1/signals/{id}", first)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) first))
                .body("status", equalTo("ACTIVE"))
                .body("modelId", equalTo((int) model))
                .body("regime", equalTo("bull"));
    }

    @Test
    void shouldAnswer400NamingTheParameterAnd404ForAnUnknownSignal() {
        asUser().queryParam("createdFrom", "yesterday")
                .get("/api/v1/signals")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("createdFrom"));
        asUser().queryParam("createdFrom", T0.toString())
                .queryParam("createdTo", T0.toString())
                .get("/api/v1/signals")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("createdFrom"));
        asUser().get("/api/v1/signals/{id}", Long.MAX_VALUE)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("SIGNAL_NOT_FOUND"));
        given().get("/api/v1/signals").then().statusCode(401);
    }

    @Test
    void shouldCancelAnActiveSignalOnceAuditedAndRefuseOthers() {
        long id = signal("long", null);
        asUser().post("/api/v1/admin/signals/{id}/cancel", id).then().statusCode(403);

        String admin = adminLogin();
        asAdmin(admin)
                .post("/api/v1/admin/signals/{id}/cancel", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledAt", org.hamcrest.Matchers.notNullValue());
        asAdmin(admin)
                .post("/api/v1/admin/signals/{id}/cancel", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("SIGNAL_NOT_ACTIVE"));
        asAdmin(admin)
                .post("/api/v1/admin/signals/{id}/cancel", Long.MAX_VALUE)
                .then()
                .statusCode(404)
                .body("code", equalTo("SIGNAL_NOT_FOUND"));
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM user_activities WHERE activity_type = 'trading_signal_cancelled'"
                                + " AND entity_type = 'trading_signal' AND entity_id = $1",
                        id))
                .isEqualTo(1);
    }

    @Test
    void shouldExpireActiveSignalsPastTheirExpiryOnly() {
        long due = signal("long", null);
        long cancelled = signal("long", null);
        pool.preparedQuery("UPDATE trading_signals SET status = 'cancelled' WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(cancelled))
                .await()
                .indefinitely();
        long later = SignalTestData.signal(
                pool, asset, model, "long", "100", "110", "95", "1h", T0, EXPIRES.plusSeconds(1), null);

        TestClock.set(EXPIRES);
        int expired = OnVertxContext.await(vertx, () -> service.expire());

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(SignalTestData.signalRow(pool, due).getString("status")).isEqualTo("expired");
        assertThat(SignalTestData.signalRow(pool, cancelled).getString("status"))
                .isEqualTo("cancelled");
        assertThat(SignalTestData.signalRow(pool, later).getString("status")).isEqualTo("active");
        asUser().queryParam("symbol", symbol)
                .queryParam("status", "EXPIRED")
                .get("/api/v1/signals")
                .then()
                .body("items.id", equalTo(List.of((int) due)));
    }

    @Test
    void shouldReportTheTrackRecordByModelAndRegime() {
        // bull: a target (+10 %) and a stop (-5 %); bear: a stop (-5 %) and a short that ends +3 % (neither)
        long target = signal("long", "bull");
        long stop = signal("long", "bull");
        long both = signal("long", "bear");
        long neither = signal("short", "bear");
        // the four signals share the asset: give each its own asset so their candles differ
        long[] ids = {target, stop, both, neither};
        String[][][] candles = {
            {{"104", "98", "103"}, {"111", "99", "108"}},
            {{"104", "94.5", "96"}},
            {{"112", "94", "105"}},
            {{"103", "97", "99"}, {"104", "96", "98"}, {"102", "98", "99"}, {"101", "96", "97"}}
        };
        for (int i = 0; i < ids.length; i++) {
            long own = MarketTestData.asset(pool, "SP", false);
            pool.preparedQuery("UPDATE trading_signals SET crypto_id = $2 WHERE id = $1")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(ids[i], own))
                    .await()
                    .indefinitely();
            for (int h = 0; h < candles[i].length; h++) {
                String[] c = candles[i][h];
                SignalTestData.candle(pool, own, "1h", T0.plus(Duration.ofHours(h)), "100", c[0], c[1], c[2]);
            }
        }
        OnVertxContext.await(vertx, () -> service.score(T0.plus(Duration.ofDays(1))));

        JsonPath record = asUser().get("/api/v1/signals/performance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> total = record.getMap("byModel.find { it.modelId == " + model + " }");
        assertThat(total)
                .containsEntry("signals", 4)
                .containsEntry("hitTarget", 1)
                .containsEntry("hitStop", 2)
                .containsEntry("neither", 1)
                .containsEntry("winRate", 0.25f)
                .containsEntry("positiveRate", 0.5f)
                .containsEntry("averageReturnPercent", "0.7500")
                .containsEntry("regime", null);
        Map<String, Object> bull =
                record.getMap("byModelAndRegime.find { it.modelId == " + model + " && it.regime == 'bull' }");
        assertThat(bull)
                .containsEntry("signals", 2)
                .containsEntry("winRate", 0.5f)
                .containsEntry("averageReturnPercent", "2.5000");
        Map<String, Object> bear =
                record.getMap("byModelAndRegime.find { it.modelId == " + model + " && it.regime == 'bear' }");
        assertThat(bear)
                .containsEntry("signals", 2)
                .containsEntry("winRate", 0.0f)
                .containsEntry("averageReturnPercent", "-1.0000");
    }
}
