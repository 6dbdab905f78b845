package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.coinpilot.alert.job.AlertEvaluateJob;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.ops.job.HealthSnapshotJob;
import org.coinpilot.ops.job.TestJobs;
import org.coinpilot.ops.service.ExternalApiCall;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.coinpilot.prediction.service.PredictionMetrics;
import org.junit.jupiter.api.Test;

/** The Micrometer meters of docs/operations.md "Metrics", as /q/metrics exposes them. */
@QuarkusTest
class OpsMetricsTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Vertx vertx;

    @Inject
    ExternalApiLogService externalCalls;

    @Inject
    PredictionMetrics predictions;

    @Test
    void shouldExposeJobDurationAndOutcomeMetersWhenJobsHaveRun() {
        run(HealthSnapshotJob.NAME).body("status", equalTo("COMPLETED"));
        run(TestJobs.FailingJob.NAME).body("status", equalTo("FAILED"));

        String metrics = metrics();
        assertThat(metrics)
                .contains("coinpilot_jobs_runs_total{job=\"ops.health-snapshot\",outcome=\"completed\"}")
                .contains("coinpilot_jobs_duration_seconds_count{job=\"ops.health-snapshot\",outcome=\"completed\"}")
                .contains("coinpilot_jobs_runs_total{job=\"test.failing\",outcome=\"failed\"}")
                .contains("coinpilot_jobs_duration_seconds_count{job=\"test.failing\",outcome=\"failed\"}");
    }

    @Test
    void shouldExposeAlertCountersWhenTheEvaluationJobHasRun() {
        run(AlertEvaluateJob.NAME).body("status", equalTo("COMPLETED"));

        assertThat(metrics())
                .contains("coinpilot_alerts_evaluated_total{type=\"price_target\"}")
                .contains("coinpilot_alerts_triggered_total{type=\"price_target\"}")
                .contains("coinpilot_alerts_notified_total{type=\"price_target\"}");
    }

    @Test
    void shouldExposeExchangeCallLatencyErrorsAndWeightWhenCallsAreRecorded() {
        OnVertxContext.await(
                vertx,
                () -> externalCalls.record(new ExternalApiCall(
                        "metricsprov",
                        "/api/v3/klines",
                        "GET",
                        200,
                        new BigDecimal("12.5"),
                        37,
                        Map.of(),
                        null,
                        null)));
        OnVertxContext.await(
                vertx,
                () -> externalCalls.record(new ExternalApiCall(
                        "metricsprov",
                        "/api/v3/klines",
                        "GET",
                        429,
                        new BigDecimal("3"),
                        1200,
                        Map.of(),
                        "{}",
                        "429")));
        OnVertxContext.await(
                vertx,
                () -> externalCalls.record(new ExternalApiCall(
                        "metricsprov",
                        "/api/v3/klines",
                        "GET",
                        null,
                        new BigDecimal("10000"),
                        null,
                        Map.of(),
                        null,
                        "timeout")));

        String metrics = metrics();
        assertThat(metrics)
                .contains("coinpilot_external_calls_seconds_count{endpoint=\"/api/v3/klines\",outcome=\"success\","
                        + "provider=\"metricsprov\"} 1.0")
                .contains("coinpilot_external_calls_seconds_count{endpoint=\"/api/v3/klines\",outcome=\"error\","
                        + "provider=\"metricsprov\"} 1.0")
                .contains("coinpilot_external_errors_total{endpoint=\"/api/v3/klines\",provider=\"metricsprov\","
                        + "status=\"429\"} 1.0")
                .contains("coinpilot_external_errors_total{endpoint=\"/api/v3/klines\",provider=\"metricsprov\","
                        + "status=\"none\"} 1.0")
                .contains("coinpilot_external_weight_used{provider=\"metricsprov\"} 1200.0");
    }

    @Test
    void shouldExposeThePredictionsScoredCounterWhenScoringCountsABatch() {
        predictions.scored(3);
        predictions.scored(2);

        assertThat(metrics()).containsPattern("(?m)^coinpilot_predictions_scored_total [0-9.E]+$");
    }

    private static io.restassured.response.ValidatableResponse run(String job) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .body("{\"params\":{}}")
                .post("/api/v1/admin/jobs/{name}/runs", job)
                .then()
                .statusCode(200);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
