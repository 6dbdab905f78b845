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
                        "base_volume is negative",
                        "open: not a decimal number",
                        "duplicate open time 2024-01-01T00:00:00Z");
        assertThat(again.getInt("inserted")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        // the sixth column is base-asset volume, kept as given; without a quote volume the USD volume is
        // close × base volume (105 × 1000.555 = 105058.275, HALF_EVEN to cents), quote_volume stays NULL
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND base_volume::text = '1000.555'"
                                + " AND quote_volume IS NULL AND volume = 105058.28",
                        asset))
                .isEqualTo(1);
    }

    @Test
    void shouldTakeTheEighthColumnAsQuoteVolumeWhenGivenBinanceKlineFilesAsCsv() {
        long asset = MarketTestData.asset(pool, "IM8", false);
        String symbol = MarketTestData.symbol(pool, asset);
        // Binance's kline files: no header, 12 columns; open times in ms, or in µs (spot files from 2025 on)
        String csv = """
                1704067200000,42283.58000000,44184.10000000,42180.77000000,44179.55000000,27174.29903000,1704153599999,1169995682.02800140,1114623,14331.73180000,617352094.56051940,0
                1704153600000000,44179.55,45879.63,44148.34,44946.91,65146.40661,1704239999999999,2944331821.8230762
                1704240000000,44946.91,45500,40750,42845.23,81194.55173,1704326399999
                1704326400000,42845.23,44729.58,42613.77,44151.10,48038.06334,1704412799999,x
                1704412800000,44151.10,44357.46,42450,44145.11,48075.25327,1704499199999,-1
                """;

        JsonPath report = given().header("Authorization", ADMIN)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/admin/assets/{symbol}/candles/import?timeframe=1d", symbol)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getInt("inserted")).isEqualTo(3);
        assertThat(report.getList("rejected.row")).containsExactly(4, 5);
        assertThat(report.getList("rejected.reason", String.class))
                .containsExactly("quote_volume: not a decimal number", "quote_volume is negative");
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND candle_time = '2024-01-01T00:00:00Z'"
                                + " AND base_volume::text = '27174.29903000'"
                                + " AND quote_volume::text = '1169995682.02800140' AND volume = 1169995682.03",
                        asset))
                .isEqualTo(1);
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND candle_time = '2024-01-02T00:00:00Z'"
                                + " AND base_volume::text = '65146.40661' AND volume = 2944331821.82",
                        asset))
                .isEqualTo(1);
        // 7 columns: no quote volume, so close × base (42845.23 × 81194.55173 = 3478807466.3326…)
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND candle_time = '2024-01-03T00:00:00Z'"
                                + " AND quote_volume IS NULL AND volume = round(42845.23 * 81194.55173, 2)",
                        asset))
                .isEqualTo(1);
        // and the candles API shows them
        given().get("/api/v1/assets/{s}/candles?timeframe=1d&from=2024-01-01T00:00:00Z&limit=3", symbol)
                .then()
                .statusCode(200)
                .body("items[0].volume", equalTo("1169995682.03"))
                .body("items[0].baseVolume", equalTo("27174.29903000"))
                .body("items[0].quoteVolume", equalTo("1169995682.02800140"))
                .body("items[2].quoteVolume", org.hamcrest.Matchers.nullValue());
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
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND volume = 1169995682.69"
                                + " AND base_volume::text = '27174.29' AND quote_volume::text = '1169995682.69'",
                        asset))
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
                2024-02-01T05:00:00Z,999999999999.99999999,999999999999.99999999,999999999999.99999999,999999999999.99999999,1,,9999999999999999999999999999.99
                2024-02-01T06:00:00Z,100.123456785,100.123456785,100.123456785,100.123456785,0.005
                2024-02-01T07:00:00Z,1e-30,1,1e-30,1,1
                2024-02-01T08:00:00Z,100,110,90,NaN,5
                2024-02-01T09:00:00Z,100,110,90,105,Infinity
                2024-02-01T10:00:00Z,0,110,90,105,5
                2024-02-01T11:00:00Z,100,110,90,105,1e999999999
                2024-02-01T12:00:00Z,1,1,1,1,1e-999999999
                2024-02-01T13:00:00Z,100,110,90,105,1e-30
                2024-02-01T14:00:00Z,1,999999999999.99999999,1,999999999999.99999999,1e17
                2024-02-01T15:00:00Z,100,110,90,105,1.1234567890123456789
                """;

        JsonPath report = importCsv(symbol, csv);

        assertThat(report.getInt("received")).isEqualTo(16);
        assertThat(report.getInt("inserted")).isEqualTo(6);
        assertThat(report.getList("rejected.row")).containsExactly(2, 3, 4, 5, 8, 9, 10, 11, 12, 15);
        assertThat(report.getList("rejected.reason", String.class))
                .containsExactly(
                        "open: more than 12 integer digits (numeric(20,8))",
                        "base_volume: more than 28 integer digits",
                        "close: more than 12 integer digits (numeric(20,8))",
                        "open: more than 12 integer digits (numeric(20,8))",
                        "open: rounds to 0 at 8 decimals (numeric(20,8)), prices must be positive",
                        "close: not a decimal number",
                        "base_volume: not a decimal number",
                        "prices must be positive",
                        "base_volume: more than 28 integer digits",
                        // base volume fits, but close × base volume does not fit the USD column
                        "volume: more than 28 integer digits (numeric(30,2))");
        assertThat(MarketTestData.times(pool, asset, "1h"))
                .containsExactly(
                        Instant.parse("2024-02-01T00:00:00Z"),
                        Instant.parse("2024-02-01T05:00:00Z"),
                        Instant.parse("2024-02-01T06:00:00Z"),
                        Instant.parse("2024-02-01T12:00:00Z"),
                        Instant.parse("2024-02-01T13:00:00Z"),
                        Instant.parse("2024-02-01T15:00:00Z"));
        // the largest values the columns hold are stored exactly; more decimals are rounded HALF_EVEN
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND high_price = 999999999999.99999999"
                                + " AND volume = 9999999999999999999999999999.99"
                                + " AND quote_volume = 9999999999999999999999999999.99",
                        asset))
                .isEqualTo(1);
        // base volume keeps its own decimals (0.005), the USD volume is close × base rounded to cents
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND open_price = 100.12345678"
                                + " AND close_price = 100.12345678 AND base_volume::text = '0.005' AND volume = 0.50",
                        asset))
                .isEqualTo(1);
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND volume = 0"
                                + " AND base_volume::text = '0.000000000000000000'",
                        asset))
                .isEqualTo(2);
        // more than 18 decimals of base volume: rounded HALF_EVEN to 18
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1"
                                + " AND base_volume::text = '1.123456789012345679'",
                        asset))
                .isEqualTo(1);
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
                        "quote_volume: more than 28 integer digits",
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
            rows.add(Kline.ofVolumes(
                    start.plus(Duration.ofHours(i)),
                    p,
                    p,
                    p,
                    p,
                    new BigDecimal("0.10"),
                    new BigDecimal("1.500"),
                    null));
        }
        candles.upsert(pool, asset, Timeframe.H1, rows).await().indefinitely();
        // a run killed after one batch: the moved rows are in the archive only, the rest in price_data only
        candles.archiveBatch(pool, Timeframe.H1, Instant.parse("2021-01-01T00:00:00Z"), 7, Instant.now())
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
        // base and quote volume move with the candle, exactly
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data_archive WHERE crypto_id = $1 AND base_volume::text = '0.10'"
                                + " AND quote_volume::text = '1.500' AND volume = 1.50",
                        asset))
                .isEqualTo(50);
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
