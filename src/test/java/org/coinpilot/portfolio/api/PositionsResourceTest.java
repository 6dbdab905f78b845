package org.coinpilot.portfolio.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Positions and their journals through the real stack: ledger, replay on edit/delete, races, 404s, bad input. */
@QuarkusTest
class PositionsResourceTest {

    static final String BASE = "/api/v1/portfolio/positions";

    @Inject
    Pool pool;

    long user;
    long other;
    long asset;
    String symbol;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        other = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "PF", false);
        symbol = MarketTestData.symbol(pool, asset);
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    long position(long owner, String assetType) {
        return as(owner)
                .body(Map.of("symbol", symbol, "assetType", assetType))
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static Map<String, Object> action(String type, String price, String quantity, String fee) {
        Map<String, Object> body = new HashMap<>();
        body.put("actionType", type);
        body.put("assetPrice", price);
        if (quantity != null) {
            body.put("quantity", quantity);
        }
        if (fee != null) {
            body.put("feesPaid", fee);
        }
        return body;
    }

    Response record(long owner, long position, Map<String, Object> body) {
        return as(owner).body(body).post(BASE + "/" + position + "/actions");
    }

    long recorded(long owner, long position, Map<String, Object> body) {
        return record(owner, position, body)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("action.id");
    }

    @Test
    void shouldKeepTheHandLedgerAndEveryJournalFieldWhenActionsAreRecorded() {
        long id = position(user, "CRYPTO_ASSET");
        Map<String, Object> first = action("BUY", "100", "2", "1.00");
        first.put("executedAt", "2024-01-01T00:00:00Z");
        first.put("timeframe", "4h");
        first.put("emotionState", "calm");
        first.put("confidenceLevel", 7);
        first.put("stressLevel", 3);
        first.put("marketSentiment", "BULLISH");
        first.put("volatilityLevel", "HIGH");
        first.put("volumeProfile", "ABOVE_AVERAGE");
        first.put("primarySetup", "BREAKOUT");
        first.put("confirmationSignals", List.of("rsi_oversold", "macd_cross"));
        first.put("chartPattern", "flag");
        first.put("analysisSnapshot", Map.of("rsi", 28.5));
        first.put("stopLoss", "90");
        first.put("takeProfit", "150");
        first.put("capitalAmount", "10000");
        first.put("riskPercent", "2.5");
        first.put("reason", "breakout_entry");
        first.put("actionSource", "ALGORITHM");
        first.put("lessonLearned", "wait for the close");
        first.put("notes", "first");
        record(user, id, first)
                .then()
                .statusCode(201)
                .body("action.timeframe", equalTo("4h"))
                .body("action.emotionState", equalTo("calm"))
                .body("action.confidenceLevel", equalTo(7))
                .body("action.stressLevel", equalTo(3))
                .body("action.marketSentiment", equalTo("BULLISH"))
                .body("action.volatilityLevel", equalTo("HIGH"))
                .body("action.volumeProfile", equalTo("ABOVE_AVERAGE"))
                .body("action.primarySetup", equalTo("BREAKOUT"))
                .body("action.confirmationSignals", contains("rsi_oversold", "macd_cross"))
                .body("action.chartPattern", equalTo("flag"))
                .body("action.analysisSnapshot.rsi", equalTo(28.5f))
                .body("action.capitalAmount", equalTo("10000"))
                .body("action.riskPercent", equalTo("2.5"))
                .body("action.reason", equalTo("breakout_entry"))
                .body("action.actionSource", equalTo("ALGORITHM"))
                .body("action.lessonLearned", equalTo("wait for the close"))
                .body("action.notes", equalTo("first"))
                .body("position.stopLossPrice", equalTo("90"))
                .body("position.tradeStatus", equalTo("OPEN"));
        Map<String, Object> second = action("BUY", "130", "1", "0.50");
        second.put("executedAt", "2024-01-02T00:00:00Z");
        recorded(user, id, second);
        Map<String, Object> third = action("PARTIAL_EXIT", "150", "1", "0.75");
        third.put("executedAt", "2024-01-03T00:00:00Z");
        // (150 - 110) x 1 - 0.75 - 1.50 / 3 = 38.75
        record(user, id, third)
                .then()
                .statusCode(201)
                .body("action.realizedPnlUsd", equalTo("38.75"))
                .body("position.quantity", equalTo("2"))
                .body("position.entryPrice", equalTo("110"))
                .body("position.tradeStatus", equalTo("REDUCING"));
        Map<String, Object> last = action("FULL_EXIT", "90", null, "0.60");
        last.put("executedAt", "2024-01-04T00:00:00Z");
        // (90 - 110) x 2 - 0.60 - 1.00 = -41.60; total -2.85
        record(user, id, last)
                .then()
                .statusCode(201)
                .body("action.quantity", equalTo("2"))
                .body("action.realizedPnlUsd", equalTo("-41.6"))
                .body("position.quantity", equalTo("0"))
                .body("position.tradeStatus", equalTo("CLOSED"))
                .body("position.exitPrice", equalTo("110"))
                .body("position.realizedPnlUsd", equalTo("-2.85"))
                .body("position.feesPaidUsd", equalTo("2.85"));

        as(user).get(BASE + "/" + id + "/actions")
                .then()
                .statusCode(200)
                .body("items.actionType", contains("BUY", "BUY", "PARTIAL_EXIT", "FULL_EXIT"))
                .body("items.quantityAfter", contains("2", "3", "2", "0"))
                .body("totalItems", equalTo(4));
        // closed: only a re-entry is possible
        record(user, id, action("SELL", "100", "1", null))
                .then()
                .statusCode(422)
                .body("code", equalTo("POSITION_CLOSED"))
                .body("violations[0].field", equalTo("actionType"));
        record(user, id, action("MODIFY_SL", "100", null, null))
                .then()
                .statusCode(422)
                .body("code", equalTo("POSITION_CLOSED"));
        record(user, id, action("BUY", "200", "1", "0.20"))
                .then()
                .statusCode(201)
                .body("position.tradeStatus", equalTo("OPEN"))
                .body("position.entryPrice", equalTo("200"))
                .body("position.exitPrice", nullValue())
                .body("position.realizedPnlUsd", equalTo("-2.85"));
    }

    @Test
    void shouldReplayTheJournalWhenAPastActionIsCorrectedOrDeleted() {
        long id = position(user, "CRYPTO_ASSET");
        Map<String, Object> buy = action("BUY", "100", "2", "0");
        buy.put("executedAt", "2024-01-01T00:00:00Z");
        long buyId = recorded(user, id, buy);
        Map<String, Object> sell = action("PARTIAL_SELL", "120", "1", "0");
        sell.put("executedAt", "2024-01-03T00:00:00Z");
        long sellId = recorded(user, id, sell);
        // a forgotten buy before the sell, recorded later: 1 @ 70 makes the average 90, so the sell gains 30
        Map<String, Object> late = action("BUY", "70", "1", "0");
        late.put("executedAt", "2024-01-02T00:00:00Z");
        long lateId = recorded(user, id, late);
        as(user).get(BASE + "/" + id + "/actions/" + sellId)
                .then()
                .statusCode(200)
                .body("realizedPnlUsd", equalTo("30"))
                .body("entryPriceAfter", equalTo("90"));

        // correct the first buy's price: 2 @ 85 and 1 @ 70 → average 80; the sell gains 40
        Map<String, Object> corrected = action("BUY", "85", "2", "0");
        corrected.put("executedAt", "2024-01-01T00:00:00Z");
        as(user).body(corrected)
                .put(BASE + "/" + id + "/actions/" + buyId)
                .then()
                .statusCode(200)
                .body("position.realizedPnlUsd", equalTo("40"))
                .body("position.quantity", equalTo("2"));

        // deleting the late buy: back to 2 @ 85, the sell gains 35
        as(user).delete(BASE + "/" + id + "/actions/" + lateId)
                .then()
                .statusCode(200)
                .body("realizedPnlUsd", equalTo("35"))
                .body("quantity", equalTo("1"));
        // deleting the first buy would leave a sell of nothing: refused, nothing changes
        as(user).delete(BASE + "/" + id + "/actions/" + buyId)
                .then()
                .statusCode(422)
                .body("code", equalTo("POSITION_CLOSED"));
        // a correction that sells more than held is refused naming the quantity
        Map<String, Object> tooMuch = action("PARTIAL_SELL", "120", "5", "0");
        tooMuch.put("executedAt", "2024-01-03T00:00:00Z");
        as(user).body(tooMuch)
                .put(BASE + "/" + id + "/actions/" + sellId)
                .then()
                .statusCode(422)
                .body("code", equalTo("INSUFFICIENT_QUANTITY"))
                .body("violations[0].field", equalTo("quantity"));
        as(user).get(BASE + "/" + id)
                .then()
                .body("realizedPnlUsd", equalTo("35"))
                .body("quantity", equalTo("1"));
    }

    @Test
    void shouldApplyBothWhenTwoActionsRaceOnOnePosition() throws Exception {
        long id = position(user, "CRYPTO_ASSET");
        recorded(user, id, action("BUY", "10", "1", "0"));
        int racers = 2;
        for (int round = 0; round < 5; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return record(user, id, action("BUY", "10", "1", "0")).statusCode();
                }));
            }
            start.countDown();
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        }
        // 1 + 5 rounds x 2: no update lost
        as(user).get(BASE + "/" + id).then().body("quantity", equalTo("11")).body("version", equalTo(11));
        as(user).get(BASE + "/" + id + "/actions?size=100").then().body("items", hasSize(11));
    }

    @Test
    void shouldAnswer404ForAnotherUsersPositionOnEveryEndpoint() {
        long id = position(user, "CRYPTO_ASSET");
        long actionId = recorded(user, id, action("BUY", "10", "1", "0"));
        String path = BASE + "/" + id;

        as(other).get(path).then().statusCode(404).body("code", equalTo("POSITION_NOT_FOUND"));
        as(other)
                .body(Map.of("investmentThesis", "x"))
                .patch(path)
                .then()
                .statusCode(404)
                .body("code", equalTo("POSITION_NOT_FOUND"));
        as(other).delete(path).then().statusCode(404).body("code", equalTo("POSITION_NOT_FOUND"));
        record(other, id, action("BUY", "10", "1", "0"))
                .then()
                .statusCode(404)
                .body("code", equalTo("POSITION_NOT_FOUND"));
        as(other).get(path + "/actions").then().statusCode(404).body("code", equalTo("POSITION_NOT_FOUND"));
        as(other).get(path + "/actions/" + actionId).then().statusCode(404).body("code", equalTo("POSITION_NOT_FOUND"));
        as(other)
                .body(action("BUY", "10", "1", "0"))
                .put(path + "/actions/" + actionId)
                .then()
                .statusCode(404)
                .body("code", equalTo("POSITION_NOT_FOUND"));
        as(other)
                .delete(path + "/actions/" + actionId)
                .then()
                .statusCode(404)
                .body("code", equalTo("POSITION_NOT_FOUND"));
        as(other).get(BASE).then().statusCode(200).body("totalItems", equalTo(0));
        // an action id of another position of the owner is a 404 too
        long second = position(user, "CRYPTO_ASSET");
        as(user).get(BASE + "/" + second + "/actions/" + actionId)
                .then()
                .statusCode(404)
                .body("code", equalTo("TRADE_ACTION_NOT_FOUND"));
        as(user).get(path).then().statusCode(200).body("quantity", equalTo("1"));
    }

    @Test
    void shouldNameTheFieldWhenInputIsBad() {
        long id = position(user, "CRYPTO_ASSET");
        recorded(user, id, action("BUY", "10", "1", "0"));

        record(user, id, action("BUY", "10", "0", null))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("quantity"));
        record(user, id, action("BUY", "10", "-1", null))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("quantity"));
        record(user, id, action("BUY", "0", "1", null))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("assetPrice"));
        record(user, id, action("BUY", "10", null, null))
                .then()
                .statusCode(422)
                .body("code", equalTo("QUANTITY_REQUIRED"))
                .body("violations[0].field", equalTo("quantity"));
        record(user, id, action("SELL", "10", "2", null))
                .then()
                .statusCode(422)
                .body("code", equalTo("INSUFFICIENT_QUANTITY"))
                .body("violations[0].field", equalTo("quantity"));
        Map<String, Object> confident = action("BUY", "10", "1", null);
        confident.put("confidenceLevel", 11);
        record(user, id, confident).then().statusCode(400).body("violations[0].field", equalTo("confidenceLevel"));
        Map<String, Object> future = action("BUY", "10", "1", null);
        future.put("executedAt", "2999-01-01T00:00:00Z");
        record(user, id, future).then().statusCode(400).body("violations[0].field", equalTo("executedAt"));
        Map<String, Object> signal = action("BUY", "10", "1", null);
        signal.put("signalId", 987_654_321L);
        record(user, id, signal)
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_SIGNAL"))
                .body("violations[0].field", equalTo("signalId"));
        long realSignal = pool.preparedQuery("INSERT INTO trading_signals (crypto_id, signal_type, entry_price)"
                        + " VALUES ($1, 'long', 100) RETURNING id")
                .execute(Tuple.of(asset))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
        signal.put("signalId", realSignal);
        signal.put("actionSource", "AI_SIGNAL");
        record(user, id, signal).then().statusCode(201).body("action.signalId", equalTo((int) realSignal));

        as(user).body(Map.of("symbol", symbol, "assetType", "CRYPTO_ASSET", "leverageRatio", "0.5"))
                .post(BASE)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("leverageRatio"));
        as(user).body(Map.of("symbol", "NOPE" + user, "assetType", "CRYPTO_ASSET"))
                .post(BASE)
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_ASSET"))
                .body("violations[0].field", equalTo("symbol"));
        as(user).body(Map.of("symbol", symbol))
                .post(BASE)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("assetType"));
        as(user).body(Map.of("version", 99))
                .patch(BASE + "/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("STALE_VERSION"));
    }

    @Test
    void shouldHoldAnExternalAssetAndAShortWhenAsked() {
        as(user).body(Map.of(
                        "symbol", "ACME",
                        "assetType", "SHORT_POSITION",
                        "externalAssetInfo", Map.of("name", "Acme Corp", "venue", "NYSE"),
                        "leverageRatio", "3",
                        "allocationTargetPercent", "5",
                        "investmentTimeframe", "SHORT_TERM",
                        "riskCategory", "AGGRESSIVE"))
                .post(BASE)
                .then()
                .statusCode(201)
                .body("external", equalTo(true))
                .body("direction", equalTo("SHORT"))
                .body("externalAssetInfo.venue", equalTo("NYSE"))
                .body("leverageRatio", equalTo("3"))
                .body("maxAllocationPercent", equalTo("10"))
                .body("riskCategory", equalTo("AGGRESSIVE"))
                .body("tradeStatus", equalTo("OPEN"))
                .body("quantity", equalTo("0"));
        long shortId = given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get(BASE + "?symbol=ACME")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        recorded(user, shortId, action("ENTRY", "50", "2", "0.10"));
        // covering 1 @ 40: 10 - 0.05 of the open fees
        record(user, shortId, action("PARTIAL_EXIT", "40", "1", "0"))
                .then()
                .statusCode(201)
                .body("action.realizedPnlUsd", equalTo("9.95"));
    }
}
