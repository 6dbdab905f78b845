package org.coinpilot.watchlist.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.security.Roles;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watchlists through the real stack: personal CRUD, entries and order, max_assets, system lists, 404s, 400s. */
@QuarkusTest
class WatchlistsResourceTest {

    static final String BASE = "/api/v1/watchlists";

    @Inject
    Pool pool;

    long user;
    long other;
    long admin;
    long btc;
    long eth;
    long sol;
    String btcSymbol;
    String ethSymbol;
    String solSymbol;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        other = AlertTestData.user(pool);
        admin = AlertTestData.user(pool);
        btc = MarketTestData.asset(pool, "WB", false);
        eth = MarketTestData.asset(pool, "WE", false);
        sol = MarketTestData.asset(pool, "WS", false);
        btcSymbol = MarketTestData.symbol(pool, btc);
        ethSymbol = MarketTestData.symbol(pool, eth);
        solSymbol = MarketTestData.symbol(pool, sol);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    RequestSpecification asAdmin() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.token(admin, Roles.ADMIN)))
                .contentType(ContentType.JSON);
    }

    long create(long owner, String name, Integer maxAssets) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (maxAssets != null) {
            body.put("maxAssets", maxAssets);
        }
        return as(owner)
                .body(body)
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    void add(long owner, long list, String symbol) {
        as(owner)
                .body(Map.of("symbol", symbol))
                .post(BASE + "/" + list + "/assets")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldKeepEntriesInOrderWhenAddingInsertingReorderingAndRemoving() {
        long list = create(user, "Majors " + user, null);
        add(user, list, btcSymbol);
        add(user, list, ethSymbol);
        as(user).body(Map.of("symbol", solSymbol, "position", 0, "positionType", "SHORT", "notes", "weak"))
                .post(BASE + "/" + list + "/assets")
                .then()
                .statusCode(200)
                .body("items.symbol", contains(solSymbol, btcSymbol, ethSymbol))
                .body("items.position", contains(0, 1, 2))
                .body("items[0].positionType", equalTo("SHORT"))
                .body("items[0].notes", equalTo("weak"))
                .body("items[0].addedBy", equalTo((int) user))
                .body("items[0].active", equalTo(true));

        as(user).body(Map.of("symbols", List.of(ethSymbol, solSymbol, btcSymbol)))
                .put(BASE + "/" + list + "/order")
                .then()
                .statusCode(200)
                .body("items.symbol", contains(ethSymbol, solSymbol, btcSymbol))
                .body("items.position", contains(0, 1, 2));

        as(user).body(Map.of("positionType", "LONG", "active", false))
                .patch(BASE + "/" + list + "/assets/" + solSymbol)
                .then()
                .statusCode(200)
                .body("items[1].positionType", equalTo("LONG"))
                .body("items[1].active", equalTo(false))
                .body("items[1].notes", equalTo("weak"))
                .body("items[1].lastModifiedBy", equalTo((int) user));

        as(user).delete(BASE + "/" + list + "/assets/" + ethSymbol).then().statusCode(204);
        as(user).get(BASE + "/" + list)
                .then()
                .statusCode(200)
                .body("items.symbol", contains(solSymbol, btcSymbol))
                .body("items.position", contains(0, 1))
                .body("version", equalTo(6)); // six changes: three adds, the order, the patch, the removal
    }

    @Test
    void shouldRefuseTheAssetBeyondMaxAssetsWith422() {
        long list = create(user, "Tiny " + user, 2);
        add(user, list, btcSymbol);
        add(user, list, ethSymbol);

        as(user).body(Map.of("symbol", solSymbol))
                .post(BASE + "/" + list + "/assets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("code", equalTo("WATCHLIST_FULL"))
                .body("type", equalTo("https://docs.coinpilot.org/problems/business-rule-violation"));
        as(user).body(Map.of("maxAssets", 1))
                .patch(BASE + "/" + list)
                .then()
                .statusCode(422)
                .body("code", equalTo("WATCHLIST_MAX_BELOW_COUNT"))
                .body("violations[0].field", equalTo("maxAssets"));
        as(user).body(Map.of("symbol", btcSymbol))
                .post(BASE + "/" + list + "/assets")
                .then()
                .statusCode(409)
                .body("code", equalTo("WATCHLIST_ASSET_EXISTS"));
    }

    @Test
    void shouldShowSystemListsToEveryUserAndLetOnlyAdminsChangeThem() {
        long system = asAdmin()
                .body(Map.of("name", "Top " + admin, "sortOrder", 0))
                .post("/api/v1/admin/watchlists")
                .then()
                .statusCode(201)
                .body("type", equalTo("DEFAULT"))
                .extract()
                .jsonPath()
                .getLong("id");
        asAdmin()
                .body(Map.of("symbol", btcSymbol))
                .post("/api/v1/admin/watchlists/" + system + "/assets")
                .then()
                .statusCode(200)
                .body("items[0].addedBy", equalTo((int) admin));
        long own = create(user, "Mine " + user, null);

        as(user).get(BASE + "?size=100")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) system))
                .body("items.id", hasItem((int) own));
        as(other).get(BASE + "/" + system).then().statusCode(200).body("items.symbol", contains(btcSymbol));
        as(other).get(BASE + "?size=100").then().body("items.id", not(hasItem((int) own)));
        as(user).body(Map.of("name", "Hijack"))
                .patch(BASE + "/" + system)
                .then()
                .statusCode(403)
                .body("code", equalTo("WATCHLIST_READ_ONLY"));
        as(user).body(Map.of("symbol", ethSymbol))
                .post(BASE + "/" + system + "/assets")
                .then()
                .statusCode(403);
        // admin endpoints never touch personal lists
        asAdmin()
                .body(Map.of("name", "x"))
                .patch("/api/v1/admin/watchlists/" + own)
                .then()
                .statusCode(404);
        // an inactive system list disappears for users
        asAdmin()
                .body(Map.of("active", false))
                .patch("/api/v1/admin/watchlists/" + system)
                .then()
                .statusCode(200);
        as(user).get(BASE + "/" + system).then().statusCode(404).body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(user).get(BASE + "?size=100").then().body("items.id", not(hasItem((int) system)));
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/api/v1/admin/watchlists")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldLetAdminsEditReorderAndDeleteASystemList() {
        String path = "/api/v1/admin/watchlists/"
                + asAdmin()
                        .body(Map.of("name", "Majors " + admin, "sortOrder", 1))
                        .post("/api/v1/admin/watchlists")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        asAdmin()
                .body(Map.of("symbol", btcSymbol))
                .post(path + "/assets")
                .then()
                .statusCode(200);
        asAdmin()
                .body(Map.of("symbol", ethSymbol))
                .post(path + "/assets")
                .then()
                .statusCode(200);
        asAdmin()
                .body(Map.of("positionType", "SHORT", "notes", "hedge"))
                .patch(path + "/assets/" + ethSymbol)
                .then()
                .statusCode(200)
                .body("items.find { it.symbol == '" + ethSymbol + "' }.positionType", equalTo("SHORT"))
                .body("items.find { it.symbol == '" + ethSymbol + "' }.lastModifiedBy", equalTo((int) admin));
        asAdmin()
                .body(Map.of("symbols", List.of(ethSymbol, btcSymbol)))
                .put(path + "/order")
                .then()
                .statusCode(200)
                .body("items.symbol", contains(ethSymbol, btcSymbol));
        asAdmin().delete(path + "/assets/" + ethSymbol).then().statusCode(204);
        asAdmin().get(path).then().statusCode(200).body("items.symbol", contains(btcSymbol));
        asAdmin().delete(path).then().statusCode(204);
        asAdmin().get(path).then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForAnotherUsersListOnEveryEndpoint() {
        long list = create(user, "Private " + user, null);
        add(user, list, btcSymbol);
        String path = BASE + "/" + list;

        as(other).get(path).then().statusCode(404).body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other)
                .body(Map.of("name", "x"))
                .patch(path)
                .then()
                .statusCode(404)
                .body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other).delete(path).then().statusCode(404).body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other)
                .body(Map.of("symbol", ethSymbol))
                .post(path + "/assets")
                .then()
                .statusCode(404)
                .body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other)
                .body(Map.of("notes", "x"))
                .patch(path + "/assets/" + btcSymbol)
                .then()
                .statusCode(404)
                .body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other)
                .delete(path + "/assets/" + btcSymbol)
                .then()
                .statusCode(404)
                .body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other)
                .body(Map.of("symbols", List.of(btcSymbol)))
                .put(path + "/order")
                .then()
                .statusCode(404)
                .body("code", equalTo("WATCHLIST_NOT_FOUND"));
        as(other).get(BASE + "?size=100").then().body("items.id", not(hasItem((int) list)));
        as(user).get(path).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldNameTheFieldWhenInputIsBad() {
        long list = create(user, "Bad " + user, null);
        add(user, list, btcSymbol);

        as(user).body(Map.of("name", " "))
                .post(BASE)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"));
        as(user).body(Map.of("name", "Big", "maxAssets", 100_000))
                .post(BASE)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("maxAssets"));
        as(user).body(Map.of("symbol", "NOPE" + user))
                .post(BASE + "/" + list + "/assets")
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_ASSET"))
                .body("violations[0].field", equalTo("symbol"));
        as(user).get(BASE + "/" + list + "?timeframe=2h")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("timeframe"))
                .body("violations[0].in", equalTo("query"));
        as(user).body(Map.of("symbols", List.of(btcSymbol, btcSymbol)))
                .put(BASE + "/" + list + "/order")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("symbols"));
        as(user).body(Map.of("symbols", List.of()))
                .put(BASE + "/" + list + "/order")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("symbols"));
        as(user).body(Map.of("name", "Bad " + user))
                .post(BASE)
                .then()
                .statusCode(409)
                .body("code", equalTo("WATCHLIST_NAME_TAKEN"));
        as(user).body(Map.of("version", 99))
                .patch(BASE + "/" + list)
                .then()
                .statusCode(409)
                .body("code", equalTo("STALE_VERSION"));
    }

    @Test
    void shouldEnrichEveryAssetFromStoredCandlesAndIndicators() {
        Instant latest = Instant.parse("2024-05-08T00:00:00Z");
        TestClock.set(latest.plus(Duration.ofHours(25)));
        // daily candles: the high of the window is 200 (ten days back), the previous day closed at 80, the latest at
        // 100
        AlertTestData.candle(pool, btc, "1d", latest.minus(Duration.ofDays(10)), "200");
        AlertTestData.candle(pool, btc, "1d", latest.minus(Duration.ofDays(1)), "80");
        AlertTestData.candle(pool, btc, "1d", latest, "100");
        // a year and a day back: outside the 365-day window of the high
        AlertTestData.candle(pool, btc, "1d", latest.minus(Duration.ofDays(366)), "500");
        AlertTestData.indicators(
                pool,
                btc,
                "1d",
                latest,
                new JsonObject()
                        .put("RSI", 55.5)
                        .put("SMA", new JsonObject().put("50", 90.0).put("200", 120.0)));
        AlertTestData.candle(pool, eth, "1d", latest, "10");
        AlertTestData.indicators(
                pool,
                eth,
                "1d",
                latest,
                new JsonObject().put("SMA", new JsonObject().put("50", 9.0).put("200", 8.0)));
        long list = create(user, "Enriched " + user, null);
        add(user, list, btcSymbol);
        add(user, list, ethSymbol);
        add(user, list, solSymbol);

        as(user).get(BASE + "/" + list + "?timeframe=1d")
                .then()
                .statusCode(200)
                .body("timeframe", equalTo("1d"))
                .body("items[0].market.price", equalTo("100"))
                .body("items[0].market.change24hPercent", equalTo("25.0000"))
                .body("items[0].market.rsi14", equalTo(55.5f))
                .body("items[0].market.sma50", equalTo(90.0f))
                .body("items[0].market.trend", equalTo("MIXED"))
                .body("items[0].market.high", equalTo("200"))
                .body("items[0].market.distanceFromHighPercent", equalTo("-50.0000"))
                .body("items[0].market.ageSeconds", equalTo(3600))
                .body("items[0].market.stale", equalTo(false))
                .body("items[0].market.indicatorsPending", equalTo(false))
                .body("items[1].market.trend", equalTo("UPTREND"))
                .body("items[1].market.rsi14", nullValue())
                .body("items[1].market.change24hPercent", nullValue())
                .body("items[2].symbol", equalTo(solSymbol))
                .body("items[2].market.price", nullValue())
                .body("items[2].market.trend", nullValue());
    }
}
