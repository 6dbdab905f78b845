package org.coinpilot.macro.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.macro.client.DominanceClient;
import org.coinpilot.macro.job.DominanceIngestJob;
import org.coinpilot.macro.testing.FakeMacroProviders;
import org.coinpilot.macro.testing.FakeMacroProviders.Fault;
import org.coinpilot.macro.testing.MacroTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code macro.dominance.ingest} against the fake CoinGecko {@code /global}, the CSV history and the trend readings. */
@QuarkusTest
class DominanceIngestTest {

    static final String IMPORT = "/api/v1/admin/macro/dominance/import";

    @Inject
    Pool pool;

    @Inject
    DominanceClient client;

    @BeforeEach
    void setUp() {
        MacroTestData.truncate(pool);
        FakeMacroProviders.reset();
        client.gate().reset();
        TestClock.set(Instant.parse("2024-03-01T13:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
        FakeMacroProviders.reset();
        client.gate().reset();
    }

    @Test
    void shouldStoreBtcEthAndTheRestAsAltWhenGlobalAnswers() {
        FakeMacroProviders.global("52.1234", "17.5", "2400000000000.5", LocalDate.parse("2024-03-01"));

        JsonPath run = MacroTestData.runJob(DominanceIngestJob.NAME);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        Row row = MacroTestData.rows(
                        pool,
                        "SELECT observed_on::text AS d, btc_dominance::text AS btc, eth_dominance::text AS eth,"
                                + " alt_dominance::text AS alt, total_market_cap_usd::text AS total, source"
                                + " FROM dominance_data")
                .get(0);
        assertThat(row.getString("d")).isEqualTo("2024-03-01");
        assertThat(row.getString("btc")).isEqualTo("52.1234");
        assertThat(row.getString("eth")).isEqualTo("17.5000");
        assertThat(row.getString("alt")).isEqualTo("30.3766");
        assertThat(row.getString("total")).isEqualTo("2400000000000.50");
        assertThat(row.getString("source")).isEqualTo("coingecko");

        FakeMacroProviders.global("52.2", "17.5", "2400000000000.5", LocalDate.parse("2024-03-01"));
        JsonPath again = MacroTestData.runJob(DominanceIngestJob.NAME);
        assertThat(again.getInt("result.updated")).isEqualTo(1);
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM dominance_data"))
                .isEqualTo(1);
    }

    @Test
    void shouldKeepTheLastGoodDayAndLogWhenGlobalFails() {
        FakeMacroProviders.global("52", "17", "1000", LocalDate.parse("2024-02-29"));
        MacroTestData.runJob(DominanceIngestJob.NAME);
        FakeMacroProviders.fail("/api/v3/global", Fault.status(500), Fault.status(500));

        JsonPath failed = MacroTestData.runJob(DominanceIngestJob.NAME);

        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM dominance_data"))
                .isEqualTo(1);
        assertThat(MacroTestData.count(
                        pool,
                        "SELECT count(*) FROM external_api_logs WHERE api_provider = 'coingecko'"
                                + " AND endpoint = '/global' AND response_status = 500"))
                .isGreaterThanOrEqualTo(2);
        // the overview shows the last good day, stale (older than two days at 2024-03-02T13:00Z)
        TestClock.set(Instant.parse("2024-03-02T13:00:00Z"));
        io.restassured.RestAssured.given()
                .get("/api/v1/macro/overview")
                .then()
                .statusCode(200)
                .body("dominance.date", org.hamcrest.Matchers.equalTo("2024-02-29"))
                .body("dominance.btcDominance", org.hamcrest.Matchers.equalTo("52.0000"))
                .body("dominance.freshness.stale", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void shouldFailWithoutWritingWhenSharesAreMalformed() {
        FakeMacroProviders.global("80", "30", "1000", LocalDate.parse("2024-03-01")); // 110 %

        JsonPath run = MacroTestData.runJob(DominanceIngestJob.NAME);

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("malformed");
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM dominance_data"))
                .isZero();
    }

    @Test
    void shouldImportHistoryPerColumnAndReadTrendsAndAltSeasonWhenBtcShareFalls() {
        StringBuilder btc = new StringBuilder("Date,value\n");
        StringBuilder total = new StringBuilder("Date,value\n");
        LocalDate first = LocalDate.parse("2024-01-01");
        for (int i = 0; i < 40; i++) {
            btc.append(first.plusDays(i)).append(',').append(55.0 - 0.2 * i).append('\n');
            total.append(first.plusDays(i))
                    .append(',')
                    .append(1_000_000_000_000L + i * 1_000_000_000L)
                    .append('\n');
        }
        btc.append("2024-02-15,abc\n2024-13-01,40\n2024-02-16,140\n");

        JsonPath report = MacroTestData.importCsv(IMPORT, btc.toString());
        JsonPath totals = MacroTestData.importCsv(IMPORT, total.toString(), "field", "total_market_cap");
        JsonPath again = MacroTestData.importCsv(IMPORT, btc.toString());

        assertThat(report.getInt("received")).isEqualTo(43);
        assertThat(report.getInt("inserted")).isEqualTo(40);
        assertThat(report.getList("rejected.row", Integer.class)).containsExactly(41, 42, 43);
        assertThat(report.getList("rejected.reason", String.class))
                .containsExactly(
                        "value: not a decimal number",
                        "date: not a YYYY-MM-DD day or an ISO-8601 instant",
                        "value: must be between 0 and 100");
        assertThat(totals.getInt("updated")).isEqualTo(40);
        assertThat(again.getInt("inserted")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(40);

        Row last = MacroTestData.rows(
                        pool,
                        "SELECT btc_dominance::text AS btc, eth_dominance, alt_dominance, total_market_cap_usd::text"
                                + " AS total, trend_analysis ->> 'btcChange30d' AS c30, trend_analysis ->> 'btcTrend7d'"
                                + " AS t7, trend_analysis ->> 'altSeason' AS season FROM dominance_data"
                                + " WHERE observed_on = '2024-02-09'")
                .get(0);
        assertThat(last.getString("btc")).isEqualTo("47.2000");
        assertThat(last.getValue("eth_dominance")).isNull();
        assertThat(last.getValue("alt_dominance")).isNull(); // unknown ETH share: the rest is not invented
        assertThat(last.getString("total")).isEqualTo("1039000000000.00");
        assertThat(last.getString("c30")).isEqualTo("-6.0000");
        assertThat(last.getString("t7")).isEqualTo("DOWN");
        assertThat(last.getString("season")).isEqualTo("ALT_SEASON");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheImportFieldIsUnknown() {
        io.restassured.RestAssured.given()
                .header("Authorization", MacroTestData.ADMIN)
                .contentType("text/csv")
                .queryParam("field", "doge")
                .body("2024-01-01,1\n")
                .post(IMPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("field"));
    }
}
