package org.coinpilot.portfolio.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Journal statistics with excursions from stored candles, and the CSV export, through the API. */
@QuarkusTest
class JournalResourceTest {

    @Inject
    Pool pool;

    long user;
    long asset;
    String symbol;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "JR", false);
        symbol = MarketTestData.symbol(pool, asset);
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    long position() {
        return as(user).body(Map.of("symbol", symbol, "assetType", "CRYPTO_ASSET"))
                .post("/api/v1/portfolio/positions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    void act(long id, Map<String, Object> body) {
        as(user).body(body)
                .post("/api/v1/portfolio/positions/" + id + "/actions")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldMeasureExcursionsFromStoredCandlesWhenATradeIsClosed() {
        // hourly candles while the trade is open: 100, 90 (the low), 115 (the high), then 200 after the close
        Instant t = Instant.parse("2024-02-01T10:00:00Z");
        AlertTestData.candle(pool, asset, "1h", t, "100");
        AlertTestData.candle(pool, asset, "1h", t.plusSeconds(3600), "90");
        AlertTestData.candle(pool, asset, "1h", t.plusSeconds(7200), "115");
        AlertTestData.candle(pool, asset, "1h", t.plusSeconds(4 * 3600), "200");
        long id = position();
        Map<String, Object> buy = new HashMap<>(Map.of(
                "actionType", "BUY", "assetPrice", "100", "quantity", "2", "executedAt", "2024-02-01T10:15:00Z"));
        buy.put("stopLoss", "95");
        buy.put("primarySetup", "BREAKOUT");
        buy.put("emotionState", "calm");
        act(id, buy);
        act(
                id,
                Map.of(
                        "actionType",
                        "SELL",
                        "assetPrice",
                        "110",
                        "quantity",
                        "2",
                        "executedAt",
                        "2024-02-01T13:00:00Z"));

        as(user).get("/api/v1/portfolio/journal/statistics")
                .then()
                .statusCode(200)
                .body("overall.trades", equalTo(1))
                .body("overall.winRate", equalTo("1.0000"))
                .body("overall.profitFactor", nullValue())
                .body("overall.expectancy", equalTo("20"))
                // risk (100 - 95) x 2 = 10; PnL 20
                .body("overall.averageR", equalTo("2.0000"))
                .body("bySetup.BREAKOUT.trades", equalTo(1))
                .body("byEmotion.calm.wins", equalTo(1))
                .body("byTimeframe.1d.trades", equalTo(1))
                .body("bySource.MANUAL.trades", equalTo(1))
                .body("trades", hasSize(1))
                // lowest low 90: (90 - 100) / 100 = -10 %; highest high 115: +15 % (the 200 came after the close)
                .body("trades[0].maePercent", equalTo("-10.0000"))
                .body("trades[0].mfePercent", equalTo("15.0000"));
    }

    @Test
    void shouldExportEveryActionAsCsvWithQuotingAndFormulaGuards() {
        long id = position();
        Map<String, Object> buy = new HashMap<>(Map.of("actionType", "BUY", "assetPrice", "100.5", "quantity", "2"));
        buy.put("notes", "=HYPERLINK(\"x\"), then more");
        buy.put("confirmationSignals", java.util.List.of("rsi_oversold", "macd_cross"));
        act(id, buy);
        act(id, Map.of("actionType", "SELL", "assetPrice", "110", "quantity", "1", "feesPaid", "0.25"));
        long other = AlertTestData.user(pool);

        String csv = as(user).get("/api/v1/portfolio/journal/export")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", equalTo("attachment; filename=\"journal.csv\""))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .startsWith("action_id,position_id,symbol,direction,action_type,executed_at,quantity,price");
        assertThat(lines[1]).contains("," + symbol + ",long,buy,").contains(",2,100.5,0,0,2,100.5,1d,");
        assertThat(lines[1]).contains("rsi_oversold;macd_cross");
        assertThat(lines[1]).endsWith(",\"'=HYPERLINK(\"\"x\"\"), then more\"");
        // (110 - 100.5) x 1 - 0.25 = 9.25
        assertThat(lines[2]).contains(",sell,").contains(",1,110,0.25,9.25,1,100.5,");
        String empty = as(other)
                .get("/api/v1/portfolio/journal/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(empty.split("\r\n")).hasSize(1);
    }
}
