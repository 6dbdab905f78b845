package org.coinpilot.market.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.market.job.CandleArchiveJob;
import org.coinpilot.market.job.CatalogueSyncJob;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.testing.FakeExchange;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MarketAdminTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    @Inject
    CandleRepository candles;

    @Test
    void shouldImportValidRowsAndRejectBadOnesWithReasonsWhenGivenCsv() {
        long asset = MarketTestData.asset(pool, "IMP", false);
        String symbol = MarketTestData.symbol(pool, asset);
        String csv = """
                open_time,open,high,low,close,volume
                2024-01-01T00:00:00Z,100,110,90,105,1000.555
                1704070800000,105,106,104,105.5,200
                2024-01-01T02:00:00Z,100,90,95,92,10
                2024-01-01T03:00:00Z,100,101,99,100,-5
                2024-01-01T04:00:00Z,abc,101,99,100,5
                2024-01-01T00:00:00Z,100,110,90,105,1000.555
                """;

        JsonPath first = importCsv(symbol, csv);
        JsonPath again = importCsv(symbol, csv);

        assertThat(first.getInt("received")).isEqualTo(6);
        assertThat(first.getInt("inserted")).isEqualTo(2);
        assertThat(first.getList("rejected.row")).containsExactly(3, 4, 5, 6);
        assertThat(first.getList("rejected.reason", String.class))
                .containsExactly(
                        "high is lower than low",
                        "volume is negative",
                        "open: not a decimal number",
                        "duplicate open time 2024-01-01T00:00:00Z");
        assertThat(again.getInt("inserted")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(MarketTestData.count(
                        pool, "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND volume = 1000.56", asset))
                .isEqualTo(1);
    }

    @Test
    void shouldImportBinanceKlineArraysUsingTheQuoteVolumeWhenGivenJson() {
        long asset = MarketTestData.asset(pool, "IMJ", false);
        String symbol = MarketTestData.symbol(pool, asset);
        String body = "[[1704067200000,\"42283.58\",\"44184.10\",\"42180.77\",\"44179.55\",\"27174.29\","
                + "1704153599999,\"1169995682.69\",1,\"1\",\"1\",\"0\"]]";

        JsonPath report = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/admin/assets/{symbol}/candles/import?timeframe=1d", symbol)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getInt("inserted")).isEqualTo(1);
        assertThat(MarketTestData.count(
                        pool, "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND volume = 1169995682.69", asset))
                .isEqualTo(1);
    }

    @Test
    void shouldRejectRowsWhoseValuesDoNotFitTheColumnsOneByOneAndImportTheRestWhenGivenCsv() {
        long asset = MarketTestData.asset(pool, "IMR", false);
        String symbol = MarketTestData.symbol(pool, asset);
        String csv = """
                open_time,open,high,low,close,volume
                2024-02-01T00:00:00Z,100,110,90,105,1000
                2024-02-01T01:00:00Z,1e400,1e400,1e400,1e400,1e400
                2024-02-01T02:00:00Z,100,110,90,105,1e30
                2024-02-01T03:00:00Z,100,110,90,1000000000000,5
                2024-02-01T04:00:00Z,999999999999.999999995,999999999999.999999995,1,1,5
                2024-02-01T05:00:00Z,999999999999.99999999,999999999999.99999999,999999999999.99999999,999999999999.99999999,9999999999999999999999999999.99
                2024-02-01T06:00:00Z,100.123456785,100.123456785,100.123456785,100.123456785,0.005
                2024-02-01T07:00:00Z,1e-30,1,1e-30,1,1
                2024-02-01T08:00:00Z,100,110,90,NaN,5
                2024-02-01T09:00:00Z,100,110,90,105,Infinity
                2024-02-01T10:00:00Z,0,110,90,105,5
                2024-02-01T11:00:00Z,100,110,90,105,1e999999999
                2024-02-01T12:00:00Z,1,1,1,1,1e-999999999
                2024-02-01T13:00:00Z,100,110,90,105,1e-30
                """;

        JsonPath report = importCsv(symbol, csv);

        assertThat(report.getInt("received")).isEqualTo(14);
        assertThat(report.getInt("inserted")).isEqualTo(5);
        assertThat(report.getList("rejected.row")).containsExactly(2, 3, 4, 5, 8, 9, 10, 11, 12);
        assertThat(report.getList("rejected.reason", String.class))
                .containsExactly(
                        "open: more than 12 integer digits (numeric(20,8))",
                        "volume: more than 28 integer digits (numeric(30,2))",
                        "close: more than 12 integer digits (numeric(20,8))",
                        "open: more than 12 integer digits (numeric(20,8))",
                        "open: rounds to 0 at 8 decimals (numeric(20,8)), prices must be positive",
                        "close: not a decimal number",
                        "volume: not a decimal number",
                        "prices must be positive",
                        "volume: more than 28 integer digits (numeric(30,2))");
        assertThat(MarketTestData.times(pool, asset, "1h"))
                .containsExactly(
                        Instant.parse("2024-02-01T00:00:00Z"),
                        Instant.parse("2024-02-01T05:00:00Z"),
                        Instant.parse("2024-02-01T06:00:00Z"),
                        Instant.parse("2024-02-01T12:00:00Z"),
                        Instant.parse("2024-02-01T13:00:00Z"));
        // the largest values the columns hold are stored exactly; more decimals are rounded HALF_EVEN
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND high_price = 999999999999.99999999"
                                + " AND volume = 9999999999999999999999999999.99",
                        asset))
                .isEqualTo(1);
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND open_price = 100.12345678"
                                + " AND close_price = 100.12345678 AND volume = 0",
                        asset))
                .isEqualTo(1);
        assertThat(MarketTestData.count(
                        pool, "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND volume = 0", asset))
                .isEqualTo(3);
    }

    @Test
    void shouldRejectKlinesWhoseValuesDoNotFitTheColumnsAndReadJsonNumbersExactlyWhenGivenJson() {
        long asset = MarketTestData.asset(pool, "IMN", false);
        String symbol = MarketTestData.symbol(pool, asset);
        // 2024-02-01T00:00:00Z onwards, hourly; quote volume in field 7 except in the 6-field row
        String body = "["
                + "[1706745600000,\"100\",\"110\",\"90\",\"105\",\"1\",1706749199999,\"1000\"],"
                + "[1706749200000,1e400,1e400,1e400,1e400,1e400,1706752799999,1e400],"
                + "[1706752800000,\"100\",\"110\",\"90\",\"105\",\"1\",1706756399999,\"1e30\"],"
                + "[1706756400000,\"NaN\",\"110\",\"90\",\"105\",\"1\",1706759999999,\"5\"],"
                + "[1706760000000,12345678901.12345678,12345678901.12345678,12345678901.12345678,"
                + "12345678901.12345678,1,1706763599999,12345678901234567890123456.78],"
                + "[1706763600000,\"100\",\"110\",\"90\",\"100\",\"1e27\"],"
                + "[1706767200000,\"100\",\"110\",\"90\",\"100\",\"2.5\"]"
                + "]";

        JsonPath report = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/admin/assets/{symbol}/candles/import?timeframe=1h", symbol)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getInt("received")).isEqualTo(7);
        assertThat(report.getInt("inserted")).isEqualTo(3);
        assertThat(report.getList("rejected.row")).containsExactly(2, 3, 4, 6);
        assertThat(report.getList("rejected.reason", String.class))
                .containsExactly(
                        "open: more than 12 integer digits (numeric(20,8))",
                        "volume: more than 28 integer digits (numeric(30,2))",
                        "open: not a decimal number",
                        "volume: more than 28 integer digits (numeric(30,2))");
        // JSON numbers are not read through double (which keeps ~17 significant digits)
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND close_price = 12345678901.12345678"
                                + " AND volume = 12345678901234567890123456.78",
                        asset))
                .isEqualTo(1);
        assertThat(MarketTestData.count(
                        pool, "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND volume = 250", asset))
                .isEqualTo(1);
    }

    @Test
    void shouldMoveOldCandlesToTheArchiveWithoutLossOrDuplicatesWhenTheArchiveJobRuns() {
        long asset = MarketTestData.asset(pool, "ARC", false);
        List<Kline> rows = new ArrayList<>();
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 50; i++) {
            BigDecimal p = BigDecimal.valueOf(10 + i);
            rows.add(Kline.of(start.plus(Duration.ofHours(i)), p, p, p, p, BigDecimal.ONE, null));
        }
        candles.upsert(asset, Timeframe.H1, rows).await().indefinitely();
        // a run killed after one batch: the moved rows are in the archive only, the rest in price_data only
        candles.archiveBatch(Timeframe.H1, Instant.parse("2021-01-01T00:00:00Z"), 7, Instant.now())
                .await()
                .indefinitely();
        assertThat(live(asset) + archived(asset)).isEqualTo(50);

        String status = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", CandleArchiveJob.NAME)
                .then()
                .statusCode(200)
                .extract()
                .path("status");

        assertThat(status).isEqualTo("COMPLETED");
        assertThat(live(asset)).isZero();
        assertThat(archived(asset)).isEqualTo(50);
        given().get(
                        "/api/v1/assets/{s}/candles?from=2020-01-01T00:00:00Z&limit=1000",
                        MarketTestData.symbol(pool, asset))
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(50));
    }

    @Test
    void shouldSyncTheCatalogueAndSummariseTheCallsWhenCoinGeckoAnswers() {
        FakeExchange.reset();
        String status = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", CatalogueSyncJob.NAME)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
        assertThat(status).isEqualTo("COMPLETED");

        given().get("/api/v1/assets/TST")
                .then()
                .statusCode(200)
                .body("name", equalTo("Testcoin"))
                .body("currentPrice", equalTo("1000.50000000"))
                .body("priceChangePercentage30d", equalTo("-20.2500"))
                .body("externalIds.coingecko", equalTo("testcoin"))
                .body("description", equalTo("Testcoin is a coin for tests."))
                .body("links.website", equalTo("https://testcoin.example.org"));
        given().get("/api/v1/assets?q=coin&sort=-change24h&size=5")
                .then()
                .statusCode(200)
                .body("items[0].symbol", equalTo("OTH"));

        JsonPath summary = given().header("Authorization", ADMIN)
                .get("/api/v1/admin/external-api-logs/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(summary.getList("endpoint")).contains("/coins/markets", "/coins/{id}");
        given().header("Authorization", ADMIN)
                .get("/api/v1/admin/external-api-logs?provider=coingecko&size=1")
                .then()
                .statusCode(200)
                .body("items[0].provider", equalTo("coingecko"));
    }

    private long live(long asset) {
        return MarketTestData.count(pool, "SELECT count(*) FROM price_data WHERE crypto_id = $1", asset);
    }

    private long archived(long asset) {
        return MarketTestData.count(pool, "SELECT count(*) FROM price_data_archive WHERE crypto_id = $1", asset);
    }

    private static JsonPath importCsv(String symbol, String csv) {
        return given().header("Authorization", ADMIN)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/admin/assets/{symbol}/candles/import?timeframe=1h", symbol)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
