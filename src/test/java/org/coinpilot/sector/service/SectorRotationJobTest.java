package org.coinpilot.sector.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.sector.job.SectorRotationJob;
import org.coinpilot.sector.testing.SectorTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code sector.rotation} job on stored performance snapshots: the base case of {@code RotationRulesTest} is
 * stored and listed by {@code GET /api/v1/sectors/rotations}; snapshots older than the maximum age take no part.
 */
@QuarkusTest
class SectorRotationJobTest {

    static final Instant T = Instant.parse("2026-07-01T12:00:00Z");

    @Inject
    Pool pool;

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    void snapshot(long sector, Instant at, String p24, String p7, String p30, String volume, double breadth) {
        JsonObject metrics = new JsonObject()
                .put("breadth", new JsonObject().put("ratio", breadth))
                .put("weighting", new JsonObject().put("7d", new JsonObject().put("coverage", 1.0)));
        pool.preparedQuery(
                        "INSERT INTO sector_performance (sector_id, performance_24h, performance_7d, performance_30d,"
                                + " volume_change, market_cap_change, performance_metrics, created_at, updated_at)"
                                + " VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $7)")
                .execute(Tuple.tuple()
                        .addLong(sector)
                        .addValue(new BigDecimal(p24))
                        .addValue(new BigDecimal(p7))
                        .addValue(new BigDecimal(p30))
                        .addValue(new BigDecimal(volume))
                        .addValue(metrics)
                        .addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .await()
                .indefinitely();
    }

    @Test
    void shouldStoreAndListTheRotationWhenASectorGainsStrengthAndFlow() {
        TestClock.set(T);
        long from = SectorTestData.sector(SectorTestData.unique("Memes "));
        long to = SectorTestData.sector(SectorTestData.unique("AI "));
        // a day earlier B was already ahead over 7 days (persistence)
        snapshot(from, T.minus(Duration.ofHours(25)), "0", "-2", "0", "0", 0.5);
        snapshot(to, T.minus(Duration.ofHours(25)), "0", "1", "0", "0", 0.5);
        snapshot(from, T.minus(Duration.ofMinutes(30)), "-1", "-4", "0", "-5", 0.3);
        snapshot(to, T.minus(Duration.ofMinutes(30)), "2", "8", "6", "25", 0.7);

        JsonPath run = SectorJobs.run(SectorRotationJob.NAME);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        JsonPath page = given().queryParam("sector", to)
                .get("/api/v1/sectors/rotations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getLong("items[0].fromSectorId")).isEqualTo(from);
        assertThat(page.getLong("items[0].toSectorId")).isEqualTo(to);
        assertThat(page.getString("items[0].rotationStrength")).isEqualTo("0.480000");
        assertThat(page.getString("items[0].detectedAt")).isEqualTo(T.toString());
        assertThat(page.getBoolean("items[0].indicators.rules.persistence.passed"))
                .isTrue();
        assertThat(page.getBoolean("items[0].indicators.rules.relativeStrength.passed"))
                .isTrue();
        assertThat(page.getInt("items[0].indicators.confirmations")).isBetween(4, 5);
    }

    @Test
    void shouldIgnoreSnapshotsOlderThanTheMaximumAgeWhenDetecting() {
        TestClock.set(T.plus(Duration.ofDays(2)));
        long from = SectorTestData.sector(SectorTestData.unique("OldFrom "));
        long to = SectorTestData.sector(SectorTestData.unique("OldTo "));
        snapshot(from, T.plus(Duration.ofDays(2)).minus(Duration.ofHours(4)), "-1", "-4", "0", "-5", 0.3);
        snapshot(to, T.plus(Duration.ofDays(2)).minus(Duration.ofHours(4)), "2", "8", "6", "25", 0.7);

        JsonPath run = SectorJobs.run(SectorRotationJob.NAME);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getList("result.staleSectors", String.class)).anyMatch(n -> n.startsWith("OldFrom"));
        given().queryParam("sector", to)
                .get("/api/v1/sectors/rotations")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
