package org.coinpilot.ops.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.ops.service.RetentionTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ops.retention} through the admin API, with the shipped configuration (14 days for tasks and API logs, 30
 * for health snapshots). The clock is pinned in 2001, so only this test's rows are old enough to go, and the counts
 * in the result are exact.
 */
@QuarkusTest
class RetentionJobTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());
    static final Instant NOW = Instant.parse("2001-01-01T00:00:00Z");

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldDeleteOldRowsKeepRecentOnesAndRunningTasksAndReportTheCountsWhenTheJobRuns() {
        TestClock.set(NOW);
        String job = "test.retention." + UUID.randomUUID().toString().substring(0, 8);
        String provider = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        Instant days15 = NOW.minus(Duration.ofDays(15));
        Instant days13 = NOW.minus(Duration.ofDays(13));
        List<Long> oldTasks = List.of(
                RetentionTestData.task(pool, job, "completed", days15),
                RetentionTestData.task(pool, job, "failed", days15.plusSeconds(1)));
        List<Long> keptTasks = List.of(
                RetentionTestData.task(pool, job, "running", days15.plusSeconds(2)),
                RetentionTestData.task(pool, job, "pending", days15.plusSeconds(3)),
                RetentionTestData.task(pool, job, "completed", days13));
        List<Long> oldLogs = List.of(
                RetentionTestData.apiLog(pool, provider, days15),
                RetentionTestData.apiLog(pool, provider, days15.plusSeconds(1)),
                RetentionTestData.apiLog(pool, provider, days15.plusSeconds(2)));
        List<Long> keptLogs = List.of(RetentionTestData.apiLog(pool, provider, days13));
        List<Long> oldSnapshots = List.of(RetentionTestData.health(pool, NOW.minus(Duration.ofDays(31))));
        List<Long> keptSnapshots = List.of(
                // 20 days old: past the tasks' and logs' 14 days, within the snapshots' 30
                RetentionTestData.health(pool, NOW.minus(Duration.ofDays(20))),
                RetentionTestData.health(pool, NOW.minus(Duration.ofMinutes(5))));

        JsonPath task = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", RetentionJob.NAME)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getString("type")).isEqualTo("cleanup");
        assertThat(task.getInt("result.deleted.background_tasks")).isEqualTo(2);
        assertThat(task.getInt("result.deleted.external_api_logs")).isEqualTo(3);
        assertThat(task.getInt("result.deleted.system_health")).isEqualTo(1);
        assertThat(task.getInt("result.total")).isEqualTo(6);
        assertThat(task.getList("result.unfinished")).isEmpty();
        assertThat(task.getList("result.disabled")).isEmpty();
        assertThat(RetentionTestData.remaining(pool, "background_tasks", oldTasks))
                .isEmpty();
        assertThat(RetentionTestData.remaining(pool, "background_tasks", keptTasks))
                .containsExactlyElementsOf(keptTasks);
        assertThat(RetentionTestData.remaining(pool, "external_api_logs", oldLogs))
                .isEmpty();
        assertThat(RetentionTestData.remaining(pool, "external_api_logs", keptLogs))
                .containsExactlyElementsOf(keptLogs);
        assertThat(RetentionTestData.remaining(pool, "system_health", oldSnapshots))
                .isEmpty();
        assertThat(RetentionTestData.remaining(pool, "system_health", keptSnapshots))
                .containsExactlyElementsOf(keptSnapshots);

        // the run is in the task list with its counts
        given().header("Authorization", ADMIN)
                .queryParam("name", RetentionJob.NAME)
                .get("/api/v1/admin/tasks")
                .then()
                .statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.equalTo(task.getInt("id")))
                .body("items[0].result.deleted.external_api_logs", org.hamcrest.Matchers.equalTo(3));
    }
}
