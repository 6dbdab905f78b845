package org.coinpilot.sector.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coinpilot.sector.testing.SectorTestData.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.sector.job.SectorPerformanceJob;
import org.coinpilot.sector.testing.SectorTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code sector.performance} job on stored hourly candles (read through market's published view): the same
 * weighting as {@code SectorPerformanceCalculatorTest}, now from candles and market caps; a run whose candles are
 * stale (ingestion stalled by a provider outage) writes nothing, so the last good snapshot stays.
 */
@QuarkusTest
class SectorPerformanceJobTest {

    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    static final Duration H = Duration.ofHours(1);

    @Inject
    Pool pool;

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    /**
     * P1 (market cap 1000): latest close 110 against 100 one day, 7 days and 50 thirty days before; volume 10 per
     * hour over the last 24 h, 5 before. P2 (market cap 3000, 50 % in the sector): 98 against 100 a day and a week
     * before, no candle 30 days before; volume 20 per hour, 25 before.
     */
    long[] seed(String prefix) {
        String s1 = SectorTestData.unique(prefix + "A");
        String s2 = SectorTestData.unique(prefix + "B");
        long p1 = SectorTestData.asset(pool, s1, true, null, "1000");
        long p2 = SectorTestData.asset(pool, s2, true, null, "3000");
        Instant latest = T.minus(H);
        for (int k = 0; k < 48; k++) {
            Instant at = latest.minus(H.multipliedBy(k));
            SectorTestData.candle(pool, p1, "1h", at, k == 0 ? "110" : "100", k < 24 ? "10" : "5");
            SectorTestData.candle(pool, p2, "1h", at, k == 0 ? "98" : "100", k < 24 ? "20" : "25");
        }
        SectorTestData.candle(pool, p1, "1h", latest.minus(Duration.ofDays(7)), "100", "5");
        SectorTestData.candle(pool, p2, "1h", latest.minus(Duration.ofDays(7)), "100", "5");
        SectorTestData.candle(pool, p1, "1h", latest.minus(Duration.ofDays(30)), "50", "5");
        long sector = SectorTestData.sector(SectorTestData.unique(prefix + " sector "));
        map(s1, sector, "100");
        map(s2, sector, "50");
        return new long[] {sector, p1, p2};
    }

    static void map(String symbol, long sector, String percent) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"sectors\":[{\"sectorId\":" + sector + ",\"allocationPercentage\":\"" + percent
                        + "\",\"primary\":true}]}")
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldStoreTheWeightedPerformanceWhenMembersHaveFreshCandles() {
        long sector = seed("PF")[0];
        TestClock.set(T.plus(Duration.ofMinutes(5)));

        JsonPath run = SectorJobs.run(SectorPerformanceJob.NAME);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        JsonPath page = given().get("/api/v1/sectors/{id}/performance", sector)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        // 24 h: (1000 × 10 + 1500 × -2) / 2500; 7 d the same; 30 d only P1: +120 %
        assertThat(page.getString("items[0].performance24h")).isEqualTo("2.8000");
        assertThat(page.getString("items[0].performance7d")).isEqualTo("2.8000");
        assertThat(page.getString("items[0].performance30d")).isEqualTo("120.0000");
        // volume: now 240 + 480 × 50 % = 480, before 120 + 600 × 50 % = 420: +14.2857 %
        assertThat(page.getString("items[0].volumeChange")).isEqualTo("14.2857");
        assertThat(page.getString("items[0].marketCapChange")).isEqualTo("2.4715");
        assertThat(page.getString("items[0].metrics.timeframe")).isEqualTo("1h");
        assertThat(page.getString("items[0].metrics.dataAsOf")).isEqualTo(T.toString());
        assertThat(page.getDouble("items[0].metrics.breadth.ratio")).isEqualTo(0.5);
        assertThat(page.getString("items[0].asOf"))
                .isEqualTo(T.plus(Duration.ofMinutes(5)).toString());
        given().get("/api/v1/sectors/{id}", sector)
                .then()
                .statusCode(200)
                .body("latestPerformance.performance24h", org.hamcrest.Matchers.equalTo("2.8000"));
    }

    @Test
    void shouldKeepTheLastGoodSnapshotWhenTheCandlesAreStale() {
        long sector = seed("ST")[0];
        TestClock.set(T.plus(Duration.ofMinutes(5)));
        assertThat(SectorJobs.run(SectorPerformanceJob.NAME).getString("status"))
                .isEqualTo("COMPLETED");

        // ingestion stalled (provider outage): no candle for 4 h
        TestClock.set(T.plus(Duration.ofHours(4)));
        JsonPath run = SectorJobs.run(SectorPerformanceJob.NAME);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getList("result.skipped", String.class)).anyMatch(name -> name.startsWith("ST sector"));
        assertThat(run.getList("result.staleAssets", String.class)).anyMatch(symbol -> symbol.startsWith("STA"));
        JsonPath page = given().get("/api/v1/sectors/{id}/performance", sector)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].performance24h")).isEqualTo("2.8000");
    }

    @Test
    void shouldPageTheHistoryByCursorAndAnswer400NamingTheParameterWhenBad() {
        long sector = seed("PG")[0];
        for (int i = 0; i < 3; i++) {
            TestClock.set(T.plus(Duration.ofMinutes(5 + i)));
            SectorJobs.run(SectorPerformanceJob.NAME);
        }
        JsonPath first = given().queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("limit", 2)
                .get("/api/v1/sectors/{id}/performance", sector)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = given().queryParam("cursor", first.getString("nextCursor"))
                .queryParam("limit", 2)
                .get("/api/v1/sectors/{id}/performance", sector)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(second.getString("items[0].asOf"))
                .isEqualTo(T.plus(Duration.ofMinutes(7)).toString());

        given().queryParam("limit", 0)
                .get("/api/v1/sectors/{id}/performance", sector)
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("limit"));
        given().queryParam("from", "yesterday")
                .get("/api/v1/sectors/{id}/performance", sector)
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("from"));
        given().get("/api/v1/sectors/{id}/performance", 987_654_321L)
                .then()
                .statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("SECTOR_NOT_FOUND"));
    }
}
