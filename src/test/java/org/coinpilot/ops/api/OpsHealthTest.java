package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.ops.job.HealthSnapshotJob;
import org.coinpilot.ops.service.RequestStatsService;
import org.junit.jupiter.api.Test;

/** Health snapshots and their API, the data health group apart from readiness, and the request statistics. */
@QuarkusTest
class OpsHealthTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    RequestStatsService requestStats;

    @Test
    void shouldKeepReadinessUpWhileTheDataGroupIsDownWhenCandlesAreStale() {
        long asset = pool.preparedQuery("INSERT INTO cryptocurrencies (symbol, name, is_active, is_supported)"
                        + " VALUES ('STALEOPS', 'Stale ops fixture', true, true) RETURNING id")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
        try {
            pool.preparedQuery("INSERT INTO price_data (crypto_id, timeframe, open_price, high_price, low_price,"
                            + " close_price, volume, candle_time) VALUES ($1, '1h', 1, 1, 1, 1, 0, $2)")
                    .execute(Tuple.of(
                            asset, Instant.parse("2020-01-01T00:00:00Z").atOffset(ZoneOffset.UTC)))
                    .await()
                    .indefinitely();

            given().get("/q/health/group/data")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.name", hasItem("Candle data freshness"))
                    .body("checks[0].data.'1h.stale'", greaterThanOrEqualTo(1));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

            snapshot();
            given().header("Authorization", ADMIN)
                    .get("/api/v1/admin/health")
                    .then()
                    .statusCode(200)
                    .body("dataPipeline.status", equalTo("DEGRADED"))
                    .body("dataPipeline.freshness.'1h'.stale", greaterThanOrEqualTo(1));
        } finally {
            pool.preparedQuery("DELETE FROM price_data WHERE crypto_id = $1")
                    .execute(Tuple.of(asset))
                    .await()
                    .indefinitely();
            pool.preparedQuery("DELETE FROM cryptocurrencies WHERE id = $1")
                    .execute(Tuple.of(asset))
                    .await()
                    .indefinitely();
        }
    }

    @Test
    void shouldReportApiDatabaseModelsAndPipelineWhenTheSnapshotJobHasRun() {
        for (int i = 0; i < 3; i++) {
            requestStats.record("/api/v1/ops-health-fixture", "GET", 503, 2_000_000);
        }
        requestStats.record("/api/v1/ops-health-fixture", "GET", 404, 1_000_000);
        OnVertxContext.await(vertx, () -> requestStats.flush());
        long id = snapshot();

        JsonPath latest = given().header("Authorization", ADMIN)
                .get("/api/v1/admin/health")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("overallHealthScore", notNullValue())
                .body("api.requests", greaterThanOrEqualTo(4))
                .body("api.serverErrors", greaterThanOrEqualTo(3))
                .body("api.clientErrors", greaterThanOrEqualTo(1))
                .body("database.status", equalTo("UP"))
                .body("database.latencyMs", notNullValue())
                .body("database.sizeBytes", greaterThan(0))
                .body("database.pool.maxSize", greaterThan(0))
                .body("models.active", greaterThanOrEqualTo(0))
                .body("dataPipeline.freshness.'1h'", notNullValue())
                .body("dataPipeline.jobs", notNullValue())
                .extract()
                .jsonPath();
        assertThat(latest.getDouble("api.serverErrorRate")).isGreaterThan(0);
        assertThat(latest.getMap("dataPipeline.jobs")).containsKey(HealthSnapshotJob.NAME);
    }

    @Test
    void shouldPageTheHistoryWhenAdminAsksForARange() {
        long id = snapshot();
        Instant from = Instant.now().minusSeconds(3600);

        given().header("Authorization", ADMIN)
                .queryParam("from", from.toString())
                .queryParam("size", 5)
                .get("/api/v1/admin/health/history")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("totalItems", greaterThanOrEqualTo(1));
        given().header("Authorization", ADMIN)
                .queryParam("from", "yesterday")
                .get("/api/v1/admin/health/history")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().get("/api/v1/admin/health").then().statusCode(401);
    }

    @Test
    void shouldCountRequestsByRouteTemplateWhenTheyEnd() {
        given().get("/test/problems/not-found/4242").then().statusCode(404);
        given().get("/test/problems/not-found/4343").then().statusCode(404);
        OnVertxContext.await(vertx, () -> requestStats.flush());

        long counted = pool.preparedQuery("SELECT coalesce(sum(requests), 0) AS n FROM api_request_stats"
                        + " WHERE route = '/test/problems/not-found/{id}' AND method = 'GET' AND status = 404")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("n");
        long raw = pool.query("SELECT count(*) AS n FROM api_request_stats WHERE route LIKE '%4242%'")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("n");
        assertThat(counted).isGreaterThanOrEqualTo(2);
        assertThat(raw).isZero();
    }

    private static long snapshot() {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .body("{\"params\":{}}")
                .post("/api/v1/admin/jobs/{name}/runs", HealthSnapshotJob.NAME)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .extract()
                .jsonPath()
                .getLong("result.systemHealthId");
    }
}
