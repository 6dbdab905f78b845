package org.coinpilot.indicators.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.indicators.service.IndicatorComputeService;
import org.coinpilot.indicators.testing.IndicatorTestSeries;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorsResourceTest {

    @Inject
    Pool pool;

    @Inject
    CandleRepository candles;

    @Inject
    IndicatorComputeService compute;

    long asset;
    String symbol;
    List<Kline> walk;

    @BeforeEach
    void setUp() {
        asset = MarketTestData.asset(pool, "IAP", false);
        symbol = MarketTestData.symbol(pool, asset);
        walk = IndicatorTestSeries.walk(240, 7);
        candles.upsert(pool, asset, Timeframe.H1, walk).await().indefinitely();
        compute.computePending().await().indefinitely();
    }

    @Test
    void shouldEqualTheStoredValuesWhenTheRangeStartsLateInTheSeries() {
        JsonPath page = get("timeframe=1h&set=rsi_14,macd_12_26_9,bb_20_2,ema_100,sma_200&from="
                + walk.get(200).openTime() + "&limit=30");

        List<JsonObject> stored = IndicatorTestSeries.stored(pool, asset);
        assertThat(page.getList("items.key"))
                .containsExactly("rsi_14", "macd_12_26_9", "bb_20_2", "ema_100", "sma_200");
        assertThat(page.getInt("items[0].warmup")).isEqualTo(14);
        assertThat(page.getInt("items[0].candlesUsed")).isEqualTo(230);
        assertThat(page.getString("items[0].firstCandleTime")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(page.getString("items[0].variant")).contains("Wilder");
        assertThat(page.getList("items[1].outputs")).containsExactly("value", "signal", "histogram");
        assertThat(page.getString("nextCursor")).isNotBlank();
        for (int p = 0; p < 30; p++) {
            JsonObject s = stored.get(200 + p);
            assertThat(page.getString("items[0].points[" + p + "].time"))
                    .isEqualTo(walk.get(200 + p).openTime().toString());
            assertThat(page.getBoolean("items[0].points[" + p + "].warmupSatisfied"))
                    .isTrue();
            assertThat(number(page, "items[0].points[" + p + "].values.value")).isEqualTo(s.getDouble("RSI"));
            assertThat(number(page, "items[1].points[" + p + "].values.signal"))
                    .isEqualTo(s.getJsonObject("MACD").getDouble("signal"));
            assertThat(number(page, "items[2].points[" + p + "].values.lower"))
                    .isEqualTo(s.getJsonObject("BB").getDouble("lower"));
            assertThat(number(page, "items[3].points[" + p + "].values.value"))
                    .isEqualTo(s.getJsonObject("EMA").getDouble("100"));
            assertThat(number(page, "items[4].points[" + p + "].values.value"))
                    .isEqualTo(s.getJsonObject("SMA").getDouble("200"));
        }

        JsonPath next = get("timeframe=1h&set=rsi_14&from=" + walk.get(200).openTime() + "&limit=30&cursor="
                + page.getString("nextCursor"));
        assertThat(next.getList("items[0].points")).hasSize(10);
        assertThat(next.getString("items[0].points[0].time"))
                .isEqualTo(walk.get(230).openTime().toString());
        assertThat(next.getString("nextCursor")).isNull();
    }

    @Test
    void shouldMarkThePointsBeforeTheWarmUpWhenTheSeriesStartsInTheRange() {
        JsonPath page = get("set=rsi_14,macd&from=2024-01-01T00:00:00Z&limit=40");

        assertThat(page.getString("items[1].key")).isEqualTo("macd_12_26_9");
        for (int p = 0; p < 40; p++) {
            boolean rsiReady = p >= 14;
            assertThat(page.getBoolean("items[0].points[" + p + "].warmupSatisfied"))
                    .isEqualTo(rsiReady);
            assertThat(page.getMap("items[0].points[" + p + "].values")).containsKey("value");
            assertThat(page.get("items[0].points[" + p + "].values.value") != null)
                    .isEqualTo(rsiReady);
            assertThat(page.getBoolean("items[1].points[" + p + "].warmupSatisfied"))
                    .isEqualTo(p >= 33);
        }
    }

    @Test
    void shouldAnswerWarmupNotSatisfiedWhenTheHistoryIsTooShort() {
        long young = MarketTestData.asset(pool, "IAY", false);
        candles.upsert(pool, young, Timeframe.H1, IndicatorTestSeries.walk(10, 8))
                .await()
                .indefinitely();

        JsonPath page = given().when()
                .get("/api/v1/assets/" + MarketTestData.symbol(pool, young) + "/indicators?set=rsi_14,sma_200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(page.getList("items[0].points")).hasSize(10);
        assertThat(page.getList("items.points.warmupSatisfied").toString()).doesNotContain("true");
        assertThat(page.getList("items[0].points.values.value")).containsOnlyNulls();
    }

    @Test
    void shouldReturnTheNewestPointsWhenFromIsAbsent() {
        JsonPath page = get("set=ema_20&limit=5&to=" + walk.get(100).openTime());

        assertThat(page.getList("items[0].points.time"))
                .containsExactly(
                        walk.get(95).openTime().toString(),
                        walk.get(96).openTime().toString(),
                        walk.get(97).openTime().toString(),
                        walk.get(98).openTime().toString(),
                        walk.get(99).openTime().toString());
        assertThat(page.getInt("items[0].candlesUsed")).isEqualTo(100);
        assertThat(number(page, "items[0].points[4].values.value"))
                .isEqualTo(IndicatorTestSeries.stored(pool, asset)
                        .get(99)
                        .getJsonObject("EMA")
                        .getDouble("20"));
    }

    /**
     * OBV, MFI and the VWAP family through the whole path: candles imported by the admin CSV endpoint (base volume in
     * the sixth column, a quote volume in the eighth that is NOT base × price, so using it would fail), read back by
     * the indicators API and compared with TA-Lib's OBV / MFI and the VWAP reference of the golden series
     * {@code sessions_1h} (bench/talib-golden) at 1e-9.
     */
    @Test
    void shouldMatchTaLibOnBaseVolumeWhenCandlesAreImportedThroughTheApi() throws Exception {
        long golden = MarketTestData.asset(pool, "IAG", false);
        String goldenSymbol = MarketTestData.symbol(pool, golden);
        List<String> lines;
        try (var in = IndicatorsResourceTest.class.getResourceAsStream("/indicators/golden/sessions_1h.csv")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume,close_time,quote_volume\n");
        List<String[]> rows = lines.subList(1, lines.size()).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1))
                .toList();
        for (String[] r : rows) {
            java.time.Instant open = java.time.Instant.ofEpochSecond(Long.parseLong(r[header.indexOf("time")]));
            BigDecimal base = new BigDecimal(r[header.indexOf("volume")]);
            BigDecimal quote =
                    base.multiply(new BigDecimal(r[header.indexOf("close")])).multiply(BigDecimal.TEN);
            csv.append(open)
                    .append(',')
                    .append(r[header.indexOf("open")])
                    .append(',')
                    .append(r[header.indexOf("high")])
                    .append(',')
                    .append(r[header.indexOf("low")])
                    .append(',')
                    .append(r[header.indexOf("close")])
                    .append(',')
                    .append(base.toPlainString())
                    .append(',')
                    .append(open.plusSeconds(3600).toEpochMilli() - 1)
                    .append(',')
                    .append(quote.toPlainString())
                    .append('\n');
        }
        given().header(
                        "Authorization",
                        org.coinpilot.common.test.TestTokens.bearer(org.coinpilot.common.test.TestTokens.admin()))
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/v1/admin/assets/{symbol}/candles/import?timeframe=1h", goldenSymbol)
                .then()
                .statusCode(200)
                .body("inserted", equalTo(rows.size()))
                .body("rejected.size()", equalTo(0));

        List<String> keys = List.of("obv", "mfi_14", "mfi_3", "vwap", "vwap_24", "avwap_20240229t1030");
        JsonPath page = given().when()
                .get("/api/v1/assets/" + goldenSymbol + "/indicators?timeframe=1h&limit=1000&from="
                        + "2024-01-01T00:00:00Z&set=" + String.join(",", keys))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        assertThat(page.getString("items[3].variant")).contains("reset at 00:00 UTC each day");
        assertThat(page.getString("items[5].variant")).contains("2024-02-29T10:30:00Z");
        assertThat(page.getString("items[0].note")).isNull();
        for (int k = 0; k < keys.size(); k++) {
            int column = header.indexOf(keys.get(k));
            List<Object> values = page.getList("items[" + k + "].points.values.value");
            assertThat(values).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String expected = rows.get(i)[column];
                Double actual = values.get(i) == null
                        ? null
                        : Double.valueOf(values.get(i).toString());
                if (expected.isEmpty()) {
                    assertThat(actual).as("%s bar %d", keys.get(k), i).isNull();
                } else {
                    double e = Double.parseDouble(expected);
                    assertThat(actual).as("%s bar %d", keys.get(k), i).isNotNull();
                    assertThat(Math.abs(actual - e) / Math.max(Math.abs(e), 1e-9))
                            .as("%s bar %d: %s vs %s", keys.get(k), i, actual, e)
                            .isLessThanOrEqualTo(1e-9);
                }
            }
        }
    }

    @Test
    void shouldSayWhyVolumeIndicatorsAreMissingWhenBaseVolumeIsUnknown() {
        long legacy = MarketTestData.asset(pool, "IAL", false);
        List<Kline> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Kline k = walk.get(i);
            // the first 20 as stored before base volume was kept: USD volume only
            rows.add(i < 20 ? Kline.of(k.openTime(), k.open(), k.high(), k.low(), k.close(), k.volume(), null) : k);
        }
        candles.upsert(pool, legacy, Timeframe.H1, rows).await().indefinitely();

        JsonPath page = given().when()
                .get("/api/v1/assets/" + MarketTestData.symbol(pool, legacy)
                        + "/indicators?set=obv,rsi_14&from=2024-01-01T00:00:00Z&limit=40")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(page.getString("items[0].note"))
                .contains("Base-asset volume is unknown for 20 of the 40 candles used")
                .contains("2024-01-01T19:00:00Z");
        assertThat(page.getMap("items[1]")).doesNotContainKey("note");
        List<Object> obv = page.getList("items[0].points.values.value");
        assertThat(obv.subList(0, 20)).containsOnlyNulls();
        assertThat(obv.subList(20, 40)).doesNotContainNull();
        assertThat(page.getList("items[1].points.values.value").subList(14, 40)).doesNotContainNull();
    }

    @Test
    void shouldRejectTheSetNamingTheKeyWhenAKeyIsUnknownOrMalformed() {
        for (Map.Entry<String, String> bad : Map.of(
                        "rsi_14,foo_3", "foo_3",
                        "rsi_0", "rsi_0",
                        "macd_26_12_9", "macd_26_12_9",
                        "bb_20_0", "bb_20_0",
                        "sma_-5", "sma_-5",
                        "avwap_20241301", "avwap_20241301",
                        "vwap_0", "vwap_0")
                .entrySet()) {
            given().when()
                    .get("/api/v1/assets/" + symbol + "/indicators?set=" + bad.getKey())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("type", equalTo("https://docs.coinpilot.org/problems/validation-error"))
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("violations[0].field", equalTo("set"))
                    .body("violations[0].in", equalTo("query"))
                    .body("violations[0].message", org.hamcrest.Matchers.containsString("'" + bad.getValue() + "'"));
        }
    }

    @Test
    void shouldAnswerNotFoundWhenTheSymbolIsUnknown() {
        given().when()
                .get("/api/v1/assets/NOPE999/indicators?set=rsi_14")
                .then()
                .statusCode(404)
                .body("status", equalTo(404))
                .body("type", equalTo("https://docs.coinpilot.org/problems/not-found"))
                .body("code", equalTo("ASSET_NOT_FOUND"));
    }

    private JsonPath get(String query) {
        return given().when()
                .get("/api/v1/assets/" + symbol + "/indicators?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
    }

    /**
     * A JSON number read as the double it encodes: parsed from its decimal text (RestAssured would otherwise
     * narrow it to a float).
     */
    private static Double number(JsonPath page, String path) {
        Object value = page.get(path);
        return value == null ? null : Double.valueOf(((BigDecimal) value).toString());
    }
}
