package org.coinpilot.portfolio.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The summary and the daily history on a journal and stored candles whose figures are worked out by hand. */
@QuarkusTest
class PortfolioSummaryTest {

    static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");

    @Inject
    Pool pool;

    long user;
    long asset;
    String symbol;

    @BeforeEach
    void setUp() {
        TestClock.set(NOW);
        user = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "PS", false);
        symbol = MarketTestData.symbol(pool, asset);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    long position(Map<String, Object> body) {
        return as(user).body(body)
                .post("/api/v1/portfolio/positions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    void act(long position, String type, String price, String quantity, String fee, String at) {
        Map<String, Object> body = new HashMap<>();
        body.put("actionType", type);
        body.put("assetPrice", price);
        body.put("quantity", quantity);
        body.put("feesPaid", fee);
        body.put("executedAt", at);
        as(user).body(body)
                .post("/api/v1/portfolio/positions/" + position + "/actions")
                .then()
                .statusCode(201);
    }

    void daily(String day, String close) {
        AlertTestData.candle(
                pool, asset, "1d", LocalDate.parse(day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), close);
    }

    @Test
    void shouldValueTheBookAndLinkItsReturnsWhenCandlesAreStored() {
        // daily closes: 110, 121, 110, 121 (1-4 March); the latest hourly close (10:00-11:00 on the 5th) is 130
        daily("2024-03-01", "110");
        daily("2024-03-02", "121");
        daily("2024-03-03", "110");
        daily("2024-03-04", "121");
        AlertTestData.candle(
                pool, asset, "1h", NOW.truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS), "130");
        long id = position(Map.of("symbol", symbol, "assetType", "CRYPTO_ASSET", "allocationTargetPercent", "50"));
        // buy 10 @ 100 (fee 2) on the 1st; sell 5 @ 121 (fee 1) on the 2nd
        act(id, "BUY", "100", "10", "2", "2024-03-01T00:00:00Z");
        act(id, "SELL", "121", "5", "1", "2024-03-02T12:00:00Z");
        // an external position: no price, left out of the totals and the returns
        long external = position(
                Map.of("symbol", "ACME", "assetType", "CRYPTO_ASSET", "externalAssetInfo", Map.of("name", "Acme")));
        act(external, "BUY", "10", "1", "0", "2024-03-02T00:00:00Z");

        JsonPath summary = as(user).get("/api/v1/portfolio/summary")
                .then()
                .statusCode(200)
                // 5 x 130 = 650; basis 5 x 100 = 500
                .body("valueUsd", equalTo("650"))
                .body("costBasisUsd", equalTo("500"))
                // 150 - the open fee of the 5 left (2 x 5/10 = 1)
                .body("unrealizedPnlUsd", equalTo("149"))
                // 5 x 21 - 1 - 1
                .body("realizedPnlUsd", equalTo("103"))
                .body("feesPaidUsd", equalTo("3"))
                .body("totalPnlUsd", equalTo("252"))
                .body("complete", equalTo(false))
                .body("positions", hasSize(2))
                .body("positions[0].price", equalTo("130"))
                .body("positions[0].weightPercent", equalTo("100.0000"))
                .body("positions[0].targetDeviationPercent", equalTo("50"))
                .body("positions[0].targetBreached", equalTo(true))
                .body("positions[0].maxBreached", equalTo(true))
                .body("positions[1].valueUsd", nullValue())
                .body("positions[1].unavailableReason", containsString("outside the catalogue"))
                .body("returns.from", equalTo("2024-03-01"))
                .body("returns.to", equalTo("2024-03-04"))
                .body("returns.timeWeighted.available", equalTo(true))
                .body("returns.timeWeighted.explain.inputs.excluded", contains("ACME"))
                .extract()
                .jsonPath();
        // TWR, by hand: flows +1002 (1st), -604 (2nd); values 1100, 605, 550, 605:
        // (1100/1002) x (1209/1100) x (550/605) x (605/550) - 1 = 207/1002
        assertThat(new BigDecimal(summary.getString("returns.timeWeighted.value")).doubleValue())
                .isCloseTo(207.0 / 1002.0, within(1e-9));
        // ROAI, by hand: invested 1002, 398, 398, 398 (mean 549); gain 605 - 398 = 207
        assertThat(new BigDecimal(summary.getString("returns.returnOnAverageInvestment.value")).doubleValue())
                .isCloseTo(207.0 / 549.0, within(1e-9));
        // XIRR: the rate must zero the NPV of -1002 (1st), +604 (2nd), +605 (4th)
        double r = new BigDecimal(summary.getString("returns.moneyWeighted.value")).doubleValue();
        double npv = -1002 + 604 / Math.pow(1 + r, 1 / 365.0) + 605 / Math.pow(1 + r, 3 / 365.0);
        assertThat(npv).isCloseTo(0, within(1e-6));
        assertThat(summary.getString("returns.moneyWeighted.explain.formula")).startsWith("XIRR");

        as(user).get("/api/v1/portfolio/history?from=2024-03-01&to=2024-03-04")
                .then()
                .statusCode(200)
                .body("startValueUsd", equalTo("0"))
                .body("items.date", contains("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"))
                .body("items.valueUsd", contains("1100", "605", "550", "605"))
                .body("items.netFlowUsd", contains("1002", "-604", "0", "0"))
                .body("items.investedUsd", contains("1002", "398", "398", "398"))
                .body("excluded", contains("ACME"));
    }

    @Test
    void shouldSayWhyAMetricIsUnavailableInsteadOfZero() {
        long id = position(Map.of("symbol", symbol, "assetType", "CRYPTO_ASSET"));
        as(user).get("/api/v1/portfolio/summary")
                .then()
                .statusCode(200)
                .body("valueUsd", equalTo("0"))
                .body("returns.timeWeighted.available", equalTo(false))
                .body("returns.timeWeighted.value", nullValue())
                .body(
                        "returns.timeWeighted.unavailableReason",
                        equalTo("no capital was invested on any day of the period"));
        // held on a day without a stored daily close
        act(id, "BUY", "100", "1", "0", "2024-03-03T00:00:00Z");
        daily("2024-03-04", "100");
        as(user).get("/api/v1/portfolio/summary")
                .then()
                .statusCode(200)
                .body("returns.timeWeighted.available", equalTo(false))
                .body(
                        "returns.timeWeighted.unavailableReason",
                        equalTo("no daily close stored for " + symbol + " on 2024-03-03"))
                .body("returns.moneyWeighted.value", nullValue())
                .body("positions[0].unavailableReason", nullValue())
                .body("positions[0].price", equalTo("100"));
        as(user).get("/api/v1/portfolio/history")
                .then()
                .body("items.valueUsd", contains(nullValue(), equalTo("100")))
                .body("unavailableReason", containsString("2024-03-03"));
        as(user).get("/api/v1/portfolio/summary?to=2024-03-05")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
        as(user).get("/api/v1/portfolio/history?from=yesterday")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        assertThat(List.of()).isEmpty();
    }
}
