package org.coinpilot.ops.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.ops.persistence.RequestStatsRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics roll-up over one hour of fixtures (three hours ago, so that no other test's rows fall in it): the
 * values of each category, and the same rows with the same values when it is re-run.
 */
@QuarkusTest
class AnalyticsRollupTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());
    private static final String ROUTE = "/api/v1/fixture/{id}";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    AnalyticsService analytics;

    @Inject
    RequestStatsRepository requestStats;

    Instant hour;
    String job;

    @BeforeEach
    void fixtures() {
        hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        job = "fixture.job-" + UUID.randomUUID().toString().substring(0, 8);
        pool.query("DELETE FROM analytics_data").execute().await().indefinitely();
        // the fixture users of earlier tests, with their activities (ON DELETE CASCADE)
        pool.query("DELETE FROM users WHERE email LIKE 'rollup-%@test.coinpilot.dev'")
                .execute()
                .await()
                .indefinitely();
        pool.preparedQuery("DELETE FROM api_request_stats WHERE route = $1")
                .execute(Tuple.of(ROUTE))
                .await()
                .indefinitely();
        long alice = user();
        long bob = user();
        activity(alice, "login", "create", hour.plus(Duration.ofMinutes(5)));
        activity(alice, "login", "create", hour.plus(Duration.ofMinutes(10)));
        activity(bob, "watchlist", "update", hour.plus(Duration.ofMinutes(20)));
        activity(bob, "watchlist", "update", hour.plus(Duration.ofMinutes(21)));
        activity(bob, "login", "create", hour.minus(Duration.ofMinutes(1))); // the hour before
        long[] histogram = new long[LatencyHistogram.BUCKETS];
        histogram[20] = 50; // ≤ 8 ms
        histogram[24] = 45; // ≤ 16 ms
        histogram[32] = 5; // ≤ 64 ms
        long[] errors = new long[LatencyHistogram.BUCKETS];
        errors[28] = 2;
        OnVertxContext.await(
                vertx,
                () -> pool.withConnection(c -> requestStats.add(
                        c,
                        List.of(
                                new RequestStatsRepository.Row(hour, ROUTE, "GET", 200, 100, 1500.0, histogram),
                                new RequestStatsRepository.Row(
                                        hour.plus(Duration.ofMinutes(55)), ROUTE, "POST", 500, 2, 60.0, errors)))));
        task("completed", hour.plus(Duration.ofMinutes(30)), "1.500");
        task("completed", hour.plus(Duration.ofMinutes(40)), "2.500");
        task("failed", hour.plus(Duration.ofMinutes(50)), "0.100");
    }

    @Test
    void shouldWriteUserApiLatencyAndJobMetricsWhenRollingUpAnHour() {
        OnVertxContext.await(vertx, () -> analytics.rollupHour(hour));

        assertThat(value("user_behavior", "active_users", "{}")).isEqualByComparingTo("2");
        assertThat(value("user_behavior", "logins", "{}")).isEqualByComparingTo("2");
        assertThat(value("user_behavior", "actions", "{\"activityType\":\"watchlist\",\"action\":\"update\"}"))
                .isEqualByComparingTo("2");
        assertThat(value("api_usage", "requests_total", "{}")).isEqualByComparingTo("102");
        assertThat(value("api_usage", "requests", dims(ROUTE, "GET", 200))).isEqualByComparingTo("100");
        assertThat(value("api_usage", "requests", dims(ROUTE, "POST", 500))).isEqualByComparingTo("2");
        String route = "{\"route\":\"" + ROUTE + "\",\"method\":\"GET\"}";
        assertThat(value("performance", "latency_p50_ms", route)).isEqualByComparingTo("8.000");
        assertThat(value("performance", "latency_p95_ms", route)).isEqualByComparingTo("16.000");
        assertThat(value("performance", "latency_p99_ms", route)).isEqualByComparingTo("61.963");
        assertThat(value("performance", "latency_mean_ms", route)).isEqualByComparingTo("15.000");
        String completed = "{\"job\":\"" + job + "\",\"status\":\"completed\"}";
        assertThat(value("performance", "job_runs", completed)).isEqualByComparingTo("2");
        assertThat(value("performance", "job_duration_avg_s", completed)).isEqualByComparingTo("2.000");
        assertThat(value("performance", "job_duration_max_s", completed)).isEqualByComparingTo("2.500");
        assertThat(value("performance", "job_runs", "{\"job\":\"" + job + "\",\"status\":\"failed\"}"))
                .isEqualByComparingTo("1");
        // the day's row counts the hour before as well
        assertThat(dailyValue("user_behavior", "logins", "{}")).isGreaterThanOrEqualTo(new BigDecimal("3"));
    }

    @Test
    void shouldRewriteTheSameRowsWithTheSameValuesWhenReRunOverTheSameHour() {
        OnVertxContext.await(vertx, () -> analytics.rollupHour(hour));
        List<String> first = rows();

        OnVertxContext.await(vertx, () -> analytics.rollupHour(hour));
        List<String> second = rows();

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldUpdateTheSameRowWhenLateRequestCountsArriveBeforeAReRun() {
        OnVertxContext.await(vertx, () -> analytics.rollupHour(hour));
        long id = id("api_usage", "requests", dims(ROUTE, "GET", 200));
        long[] late = new long[LatencyHistogram.BUCKETS];
        late[20] = 10;
        OnVertxContext.await(
                vertx,
                () -> pool.withConnection(c -> requestStats.add(
                        c, List.of(new RequestStatsRepository.Row(hour, ROUTE, "GET", 200, 10, 50.0, late)))));

        OnVertxContext.await(vertx, () -> analytics.rollupHour(hour));

        assertThat(id("api_usage", "requests", dims(ROUTE, "GET", 200))).isEqualTo(id);
        assertThat(value("api_usage", "requests", dims(ROUTE, "GET", 200))).isEqualByComparingTo("110");
    }

    @Test
    void shouldListRolledUpValuesWhenAdminFiltersByCategoryMetricAggregationAndRange() {
        OnVertxContext.await(vertx, () -> analytics.rollupHour(hour));

        given().header("Authorization", ADMIN)
                .queryParam("category", "api_usage")
                .queryParam("metric", "requests")
                .queryParam("aggregation", "hourly")
                .queryParam("from", hour.toString())
                .queryParam("to", hour.plus(Duration.ofHours(1)).toString())
                .get("/api/v1/admin/analytics")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.metric", everyItem(equalTo("requests")))
                .body("items.dimensions.route", everyItem(equalTo(ROUTE)))
                .body("items.find { it.dimensions.status == 200 }.value", equalTo("100"));
    }

    @Test
    void shouldAnswer400WhenTheAggregationOrRangeIsNotValid() {
        given().header("Authorization", ADMIN)
                .queryParam("aggregation", "weekly")
                .get("/api/v1/admin/analytics")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("aggregation"));
        given().header("Authorization", ADMIN)
                .queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/admin/analytics")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldRollUpThroughTheJobWhenRunWithAnHourParameter() {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .queryParam("wait", true)
                .body("{\"params\":{\"hour\":\"" + hour + "\"}}")
                .post("/api/v1/admin/jobs/{name}/runs", "ops.analytics.rollup")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("result.hours[0]", equalTo(hour.toString()));

        assertThat(value("api_usage", "requests", dims(ROUTE, "GET", 200))).isEqualByComparingTo("100");
    }

    private static String dims(String route, String method, int status) {
        return "{\"route\":\"" + route + "\",\"method\":\"" + method + "\",\"status\":" + status + "}";
    }

    private BigDecimal value(String category, String metric, String dimensions) {
        return lookup(category, metric, dimensions, "hourly", hour).getBigDecimal("metric_value");
    }

    private BigDecimal dailyValue(String category, String metric, String dimensions) {
        return lookup(category, metric, dimensions, "daily", hour.truncatedTo(ChronoUnit.DAYS))
                .getBigDecimal("metric_value");
    }

    private long id(String category, String metric, String dimensions) {
        return lookup(category, metric, dimensions, "hourly", hour).getLong("id");
    }

    private io.vertx.mutiny.sqlclient.Row lookup(
            String category, String metric, String dimensions, String level, Instant period) {
        var rows = pool.preparedQuery("SELECT id, metric_value FROM analytics_data WHERE category = $1"
                        + " AND metric_name = $2 AND dimensions = $3::text::jsonb AND aggregation_level = $4"
                        + " AND period_start = $5")
                .execute(Tuple.of(category, metric, dimensions, level, odt(period)))
                .await()
                .indefinitely();
        assertThat(rows.size())
                .as(category + "/" + metric + " " + dimensions + " at " + period + " in " + rows())
                .isEqualTo(1);
        return rows.iterator().next();
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        pool.query("SELECT id, category, metric_name, dimensions::text AS d, aggregation_level, period_start,"
                        + " metric_value FROM analytics_data ORDER BY id")
                .execute()
                .await()
                .indefinitely()
                .forEach(r -> rows.add(r.getLong("id") + "|" + r.getString("category") + "|"
                        + r.getString("metric_name") + "|" + r.getString("d") + "|" + r.getString("aggregation_level")
                        + "|" + r.getOffsetDateTime("period_start") + "|" + r.getBigDecimal("metric_value")));
        return rows;
    }

    private long user() {
        return pool.preparedQuery("INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id")
                .execute(Tuple.of("rollup-" + UUID.randomUUID() + "@test.coinpilot.dev"))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    private void activity(long userId, String type, String action, Instant at) {
        pool.preparedQuery("INSERT INTO user_activities (user_id, activity_type, action, created_at)"
                        + " VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(userId, type, action, odt(at)))
                .await()
                .indefinitely();
    }

    private void task(String status, Instant completedAt, String seconds) {
        pool.preparedQuery("INSERT INTO background_tasks (task_name, task_type, status, started_at, completed_at,"
                        + " execution_time_seconds) VALUES ($1, 'analysis', $2, $3, $3, $4)")
                .execute(Tuple.of(job, status, odt(completedAt), new BigDecimal(seconds)))
                .await()
                .indefinitely();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
