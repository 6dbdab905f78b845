package org.coinpilot.macro.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.macro.job.RegimeClassifyJob;
import org.coinpilot.macro.testing.MacroTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regime over stored history: a crafted market (a rally, a crash, a range, then a second rally appended later)
 * through market's candle import, fear &amp; greed and the total market cap through macro's imports; the backfill, the
 * job, no look-ahead, and the overview.
 */
@QuarkusTest
class RegimeBackfillTest {

    static final LocalDate START = LocalDate.parse("2020-01-01");
    static final String BACKFILL = "/api/v1/admin/macro/regimes/backfill";

    @Inject
    Pool pool;

    @BeforeEach
    void setUp() {
        MacroTestData.truncate(pool);
        MacroTestData.freshAsset(pool, "RLEAD");
        MacroTestData.freshAsset(pool, "RETH");
        MacroTestData.freshAsset(pool, "RSOL");
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    /** Day i: +0.5 %/day for 200 days, −1 %/day for 100, a ±2 % range; from day 300 on (appended later) +2 %/day. */
    static double close(int i, boolean appended) {
        double top = 100 * Math.pow(1.005, 200);
        double bottom = top * Math.pow(0.99, 100);
        if (i < 200) {
            return 100 * Math.pow(1.005, i);
        }
        if (i < 300) {
            return top * Math.pow(0.99, i - 200);
        }
        return appended ? bottom * Math.pow(1.02, i - 299) : bottom * (1 + 0.02 * Math.sin(i));
    }

    /** Imports daily candles of days [from, to) for the three assets (RSOL only from day 100). */
    static void candles(int from, int to, boolean appended) {
        for (String symbol : List.of("RLEAD", "RETH", "RSOL")) {
            double scale = symbol.equals("RLEAD") ? 100 : symbol.equals("RETH") ? 5 : 0.5;
            StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume\n");
            for (int i = Math.max(from, symbol.equals("RSOL") ? 100 : 0); i < to; i++) {
                double c = close(i, appended) * scale;
                double o = (i == 0 ? close(0, appended) : close(i - 1, appended)) * scale;
                csv.append(String.format(
                        Locale.ROOT,
                        "%sT00:00:00Z,%.8f,%.8f,%.8f,%.8f,10\n",
                        START.plusDays(i),
                        o,
                        Math.max(o, c) * 1.01,
                        Math.min(o, c) * 0.99,
                        c));
            }
            given().header("Authorization", MacroTestData.ADMIN)
                    .contentType("text/csv")
                    .queryParam("timeframe", "1d")
                    .body(csv.toString())
                    .post("/api/v1/admin/assets/{symbol}/candles/import", symbol)
                    .then()
                    .statusCode(200)
                    .body("rejected.size()", equalTo(0));
        }
    }

    /** Fear & greed (following the price path, with holes every 17th day) and the total market cap of [from, to). */
    static void macro(int from, int to, boolean appended) {
        StringBuilder fng = new StringBuilder("date,value,classification\n");
        StringBuilder total = new StringBuilder("Date,value\n");
        for (int i = from; i < to; i++) {
            double c = close(i, appended);
            if (i % 17 != 0) {
                long v = Math.max(
                        5,
                        Math.min(
                                95,
                                Math.round(50 + 40 * Math.tanh((c - close(Math.max(0, i - 30), appended)) / c * 5))));
                fng.append(START.plusDays(i))
                        .append(',')
                        .append(v)
                        .append(",Label ")
                        .append(v)
                        .append('\n');
            }
            total.append(START.plusDays(i))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", c * 1e10))
                    .append('\n');
        }
        MacroTestData.importCsv("/api/v1/admin/macro/sentiment/import", fng.toString());
        MacroTestData.importCsv("/api/v1/admin/macro/dominance/import", total.toString(), "field", "total_market_cap");
    }

    static JsonPath backfill(String from, String to) {
        var request = given().header("Authorization", MacroTestData.ADMIN);
        if (from != null) {
            request = request.queryParam("from", from);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        return request.post(BACKFILL).then().statusCode(200).extract().jsonPath();
    }

    List<String> stored(LocalDate until) {
        return MacroTestData.rows(
                        pool,
                        "SELECT observed_on::text || ' ' || regime || ' ' || confidence_score::text || ' '"
                                + " || indicators::text || ' ' || analysis_data::text AS line FROM market_regime_analysis"
                                + " WHERE observed_on <= $1 ORDER BY observed_on",
                        until)
                .stream()
                .map(r -> r.getString("line"))
                .toList();
    }

    String regimeOn(int day) {
        List<Row> rows = MacroTestData.rows(
                pool, "SELECT regime FROM market_regime_analysis WHERE observed_on = $1", START.plusDays(day));
        return rows.isEmpty() ? null : rows.get(0).getString("regime");
    }

    @Test
    void shouldNotChangeEarlierDaysWhenLaterDataIsAppended() {
        candles(0, 300, false);
        macro(0, 300, false);
        JsonPath first = backfill(null, null);
        List<String> before = stored(START.plusDays(299));

        assertThat(first.getInt("classified")).isEqualTo(300 - 49); // from the 50th candle on
        assertThat(first.getString("from")).isEqualTo("2020-01-01");
        assertThat(first.getString("to")).isEqualTo(START.plusDays(299).toString());
        assertThat(regimeOn(48)).isNull();
        assertThat(regimeOn(180)).isEqualTo("bull");
        assertThat(regimeOn(295)).isEqualTo("bear");

        // later data: a steep rally from day 300 on, its sentiment and market cap; earlier days must not move
        candles(300, 400, true);
        macro(300, 400, true);
        JsonPath second = backfill(null, null);

        assertThat(second.getInt("classified")).isEqualTo(400 - 49);
        assertThat(second.getInt("inserted")).isEqualTo(100);
        assertThat(second.getInt("updated")).isZero();
        assertThat(stored(START.plusDays(299))).isEqualTo(before);
        assertThat(regimeOn(399)).isEqualTo("bull");
    }

    @Test
    void shouldClassifyOnlyNewDaysAsTheBackfillDoesWhenTheJobRuns() {
        candles(0, 300, false);
        macro(0, 300, false);
        JsonPath firstRun = MacroTestData.runJob(RegimeClassifyJob.NAME);
        assertThat(firstRun.getString("status")).isEqualTo("COMPLETED");
        assertThat(firstRun.getInt("result.classified")).isEqualTo(251);

        candles(300, 400, true);
        macro(300, 400, true);
        JsonPath next = MacroTestData.runJob(RegimeClassifyJob.NAME);
        assertThat(next.getString("result.from")).isEqualTo(START.plusDays(300).toString());
        assertThat(next.getInt("result.classified")).isEqualTo(100);
        List<String> byJob = stored(START.plusDays(399));

        JsonPath recomputed = backfill(null, null);
        assertThat(recomputed.getInt("updated")).isZero();
        assertThat(stored(START.plusDays(399))).isEqualTo(byJob);
    }

    @Test
    void shouldShowTheNewestRegimeWithItsExplanationAndStalenessWhenTheOverviewIsRead() {
        candles(0, 300, false);
        macro(0, 300, false);
        backfill(null, null);
        TestClock.set(START.plusDays(300).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC));

        JsonPath overview = given().get("/api/v1/macro/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(overview.getString("regime.date"))
                .isEqualTo(START.plusDays(299).toString());
        assertThat(overview.getString("regime.regime")).isEqualTo("BEAR");
        assertThat(overview.getString("regime.explanation"))
                .startsWith("bear (score -")
                .contains("SMA200");
        assertThat(overview.getMap("regime.votes")).containsKeys("trend200", "breadth", "fearGreed", "totalMarket");
        assertThat(overview.getString("regime.freshness.asOf")).isEqualTo(START.plusDays(300) + "T00:00:00Z");
        assertThat(overview.getLong("regime.freshness.ageSeconds")).isEqualTo(6 * 3600);
        assertThat(overview.getBoolean("regime.freshness.stale")).isFalse();
        assertThat(overview.getString("fearGreed.date"))
                .isEqualTo(START.plusDays(299).toString());
        assertThat(overview.getString("fearGreed.classification")).startsWith("Label ");
        assertThat(overview.getString("dominance.totalMarketCapUsd")).isNotBlank();
        assertThat(overview.getList("indicators.name")).containsExactly("VIX", "DXY", "SP500", "US10Y", "US2Y", "GOLD");
        assertThat(overview.getString("indicators[0].value")).isNull();

        // a write shows at once, although the overview's rows are cached (the write drops them)
        MacroTestData.importCsv(
                "/api/v1/admin/macro/sentiment/import",
                "date,value,classification\n" + START.plusDays(300) + ",77,Greed\n");
        given().get("/api/v1/macro/overview")
                .then()
                .statusCode(200)
                .body("fearGreed.date", equalTo(START.plusDays(300).toString()))
                .body("fearGreed.classification", equalTo("Greed"));

        TestClock.set(Instant.parse("2021-06-01T00:00:00Z"));
        given().get("/api/v1/macro/overview")
                .then()
                .statusCode(200)
                .body("regime.freshness.stale", equalTo(true))
                .body("fearGreed.freshness.stale", equalTo(true));
    }

    @Test
    void shouldPageTheRegimeHistoryAndRefuseBadBackfillInput() {
        candles(0, 120, false);
        backfill("2020-02-19", "2020-03-01");
        given().queryParam("from", "2020-01-01")
                .queryParam("limit", 5)
                .get("/api/v1/macro/regimes")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(5))
                .body("items[0].date", equalTo("2020-02-19"))
                .body("items[0].regime", equalTo("BULL"));

        given().header("Authorization", MacroTestData.ADMIN)
                .queryParam("from", "someday")
                .post(BACKFILL)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().header("Authorization", MacroTestData.ADMIN)
                .queryParam("from", "2020-03-01")
                .queryParam("to", "2020-02-01")
                .post(BACKFILL)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().header("Authorization", TestTokens.bearer(TestTokens.user(1)))
                .post(BACKFILL)
                .then()
                .statusCode(403);
    }
}
