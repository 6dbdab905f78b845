package org.coinpilot.recommendation.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three jobs end to end on crafted data: watchlists and positions made through their APIs, signals and candles
 * stored directly. Generation gives exactly the recommendations of the rules (targets are the users' own entities),
 * never duplicates an open one, and makes a new one once the old is closed; expiry is set-based; the outcome comes
 * from the stored candles of the horizon.
 */
@QuarkusTest
class RecommendationJobsTest {

    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    RecommendationJobService jobs;

    long user;
    long neighbour;
    long watched;
    long held;
    long stopped;

    @BeforeEach
    void setUp() {
        TestClock.set(T);
        user = AlertTestData.user(pool);
        neighbour = AlertTestData.user(pool);
        watched = MarketTestData.asset(pool, "RW", false);
        held = MarketTestData.asset(pool, "RH", false);
        stopped = MarketTestData.asset(pool, "RS", false);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    long watchlist(long owner, long asset) {
        long id = as(owner)
                .body(Map.of("name", "recs " + System.nanoTime()))
                .post("/api/v1/watchlists")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(owner)
                .body(Map.of("symbol", MarketTestData.symbol(pool, asset)))
                .post("/api/v1/watchlists/" + id + "/assets")
                .then()
                .statusCode(200);
        return id;
    }

    long position(long owner, long asset, String price, String quantity, String stop) {
        Map<String, Object> body = new HashMap<>();
        body.put("symbol", MarketTestData.symbol(pool, asset));
        body.put("assetType", "CRYPTO_ASSET");
        if (stop != null) {
            body.put("stopLossPrice", stop);
        }
        long id = as(owner)
                .body(body)
                .post("/api/v1/portfolio/positions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(owner)
                .body(Map.of("actionType", "BUY", "assetPrice", price, "quantity", quantity))
                .post("/api/v1/portfolio/positions/" + id + "/actions")
                .then()
                .statusCode(201);
        return id;
    }

    long signal(long asset, String type, String entry, String target, String stop, Instant created, Instant expires) {
        return pool.preparedQuery("INSERT INTO trading_signals (crypto_id, signal_type, entry_price, target_price,"
                        + " stop_loss, risk_reward_ratio, time_horizon_hours, status, created_at, updated_at,"
                        + " expires_at) VALUES ($1, $2, $3::text::numeric, $4::text::numeric, $5::text::numeric, 2, 4,"
                        + " 'active', $6, $6, $7) RETURNING id")
                .execute(Tuple.from(new Object[] {asset, type, entry, target, stop, odt(created), odt(expires)}))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    void candle(long asset, Instant time, String high, String low, String close) {
        pool.preparedQuery("INSERT INTO price_data (crypto_id, timeframe, open_price, high_price, low_price,"
                        + " close_price, volume, candle_time) VALUES ($1, '1h', $4::text::numeric, $2::text::numeric,"
                        + " $3::text::numeric, $4::text::numeric, 1000, $5)")
                .execute(Tuple.of(asset, high, low, close, odt(time)))
                .await()
                .indefinitely();
    }

    List<Row> recommendations(long owner) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT id, recommendation_type, target_entity_type, target_entity_id, cause_key, status,"
                        + " priority_level, crypto_id, recommendation_payload, outcome_result, expires_at,"
                        + " horizon_ends_at, created_at FROM ai_recommendations WHERE user_id = $1"
                        + " ORDER BY recommendation_type, cause_key, id")
                .execute(Tuple.of(owner))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    static String key(Row r) {
        return r.getString("recommendation_type") + "/" + r.getString("target_entity_type") + ":"
                + r.getLong("target_entity_id") + "/" + r.getString("cause_key") + "/" + r.getString("status");
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Test
    void shouldGenerateEachRuleOnceOnTheUsersOwnEntitiesExpireAndScoreTheOutcome() {
        long list = watchlist(user, watched);
        long neighbourList = watchlist(neighbour, watched);
        // 10 RH from 100, no stop; 1 RS from 100 with its stop at 90
        long noStop = position(user, held, "100", "10", null);
        long stop = position(user, stopped, "100", "1", "90");
        candle(held, T.minus(Duration.ofHours(1)), "100", "100", "100");
        candle(stopped, T.minus(Duration.ofHours(1)), "89", "89", "89");
        long entrySignal = signal(
                watched, "long", "100", "110", "95", T.minus(Duration.ofMinutes(30)), T.plus(Duration.ofHours(5)));
        long reversal =
                signal(held, "short", "100", "90", "105", T.minus(Duration.ofMinutes(10)), T.plus(Duration.ofHours(5)));

        OnVertxContext.await(vertx, () -> jobs.generate());

        // book: 10 × 100 + 1 × 89 = 1,089. Entry: 1 % of 1,089 = 10.89 over |100 − 95| = 5 -> 2.178; no stop on RH:
        // 2 % of 1,089 = 21.78 over 10 = 2.178 below 100 -> 97.822; RS at 89 reached its stop 90; a short signal is
        // active against the long RH
        List<Row> rows = recommendations(user);
        assertThat(rows)
                .extracting(RecommendationJobsTest::key)
                .containsExactly(
                        "entry/watchlist:" + list + "/signal:" + entrySignal + "/pending",
                        "exit/portfolio:" + noStop + "/signal_reversed:" + reversal + "/pending",
                        "exit/portfolio:" + stop + "/stop_reached/pending",
                        "risk_management/portfolio:" + noStop + "/no_stop/pending");
        Row entry = rows.get(0);
        JsonObject sizing = ((JsonObject) entry.getJson("recommendation_payload"))
                .getJsonObject("numbers")
                .getJsonObject("sizing");
        assertThat(sizing.getString("capitalUsd")).isEqualTo("1089");
        assertThat(sizing.getString("capitalSource")).isEqualTo("portfolio");
        assertThat(sizing.getString("quantity")).isEqualTo("2.178");
        assertThat(entry.getString("priority_level")).isEqualTo("high");
        assertThat(entry.getOffsetDateTime("expires_at").toInstant()).isEqualTo(T.plus(Duration.ofHours(5)));
        assertThat(entry.getOffsetDateTime("horizon_ends_at").toInstant()).isEqualTo(T.plus(Duration.ofHours(4)));
        assertThat(((JsonObject) rows.get(3).getJson("recommendation_payload"))
                        .getJsonObject("numbers")
                        .getString("suggestedStop"))
                .isEqualTo("97.822");
        assertThat(rows.get(2).getString("priority_level")).isEqualTo("urgent");
        // the neighbour watches the same asset: their entry targets their own list
        assertThat(recommendations(neighbour))
                .extracting(RecommendationJobsTest::key)
                .containsExactly("entry/watchlist:" + neighbourList + "/signal:" + entrySignal + "/pending");

        // a re-run (and an approved one) duplicates nothing
        OnVertxContext.await(vertx, () -> jobs.generate());
        status(rows.get(2).getLong("id"), "approved");
        Map<String, Object> again = OnVertxContext.await(vertx, () -> jobs.generate());
        assertThat(recommendations(user)).hasSize(4);
        assertThat(recommendations(neighbour)).hasSize(1);
        assertThat(again.get("candidates")).isEqualTo((int) again.get("inserted") + (int) again.get("alreadyOpen"));

        // once closed, the cause still holding gives a new pending one
        status(rows.get(3).getLong("id"), "rejected");
        OnVertxContext.await(vertx, () -> jobs.generate());
        assertThat(recommendations(user))
                .extracting(RecommendationJobsTest::key)
                .contains(
                        "risk_management/portfolio:" + noStop + "/no_stop/rejected",
                        "risk_management/portfolio:" + noStop + "/no_stop/pending")
                .hasSize(5);

        // 6 h later the entry (expiring with its signal at T + 5 h) is expired; the others (T + 24 h) are not
        candle(watched, T, "101", "99", "100");
        candle(watched, T.plus(Duration.ofHours(1)), "111", "100", "109");
        candle(watched, T.plus(Duration.ofHours(2)), "90", "80", "85");
        candle(watched, T.plus(Duration.ofHours(4)), "200", "200", "200"); // after the horizon: not read
        TestClock.set(T.plus(Duration.ofHours(6)));
        assertThat(OnVertxContext.await(vertx, () -> jobs.expire())).isGreaterThanOrEqualTo(2);
        assertThat(recommendations(user))
                .extracting(RecommendationJobsTest::key)
                .contains("entry/watchlist:" + list + "/signal:" + entrySignal + "/expired")
                .filteredOn(k -> k.endsWith("/expired"))
                .hasSize(1);

        // outcome: the horizon T + 4 h ended 2 h ago (the grace); the 2nd candle's high 111 reaches the target 110:
        // +10 %, 10 × 2.178 = 21.78 USD. The exits' horizons (T + 24 h) are not due.
        OnVertxContext.await(vertx, () -> jobs.outcomes());
        Map<Long, Row> byId = new HashMap<>();
        recommendations(user).forEach(r -> byId.put(r.getLong("id"), r));
        JsonObject outcome = (JsonObject) byId.get(entry.getLong("id")).getJson("outcome_result");
        assertThat(outcome.getBoolean("available")).isTrue();
        assertThat(outcome.getString("exitReason")).isEqualTo("target_hit");
        assertThat(outcome.getString("returnPercent")).isEqualTo("10");
        assertThat(outcome.getString("profitUsd")).isEqualTo("21.78");
        assertThat(outcome.getInteger("candles")).isEqualTo(3);
        assertThat(byId.get(rows.get(2).getLong("id")).getValue("outcome_result"))
                .isNull();
    }

    void status(long id, String status) {
        pool.preparedQuery("UPDATE ai_recommendations SET status = $2 WHERE id = $1")
                .execute(Tuple.of(id, status))
                .await()
                .indefinitely();
    }
}
