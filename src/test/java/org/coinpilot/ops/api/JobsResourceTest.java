package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.JobRunner;
import org.coinpilot.common.job.JobTrigger;
import org.coinpilot.common.job.RunStatus;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.ops.job.HealthSnapshotJob;
import org.coinpilot.ops.job.TestJobs;
import org.coinpilot.ops.service.RetentionTestData;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobsResourceTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    @Inject
    JobRunner runner;

    @Test
    void shouldRunOneAndSkipTheOtherWhenTheSameJobIsFiredTwiceConcurrently() throws Exception {
        // two threads of our own: the common pool may have a single worker on small machines
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<Response> first =
                CompletableFuture.supplyAsync(() -> runAndWait(TestJobs.SlowJob.NAME, 2000), callers);
        CompletableFuture<Response> second =
                CompletableFuture.supplyAsync(() -> runAndWait(TestJobs.SlowJob.NAME, 2000), callers);
        List<String> statuses = List.of(
                first.get(30, TimeUnit.SECONDS).then().statusCode(200).extract().path("status"),
                second.get(30, TimeUnit.SECONDS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"));

        callers.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder("COMPLETED", "SKIPPED");
    }

    @Test
    void shouldRecordEveryTransitionWhenAJobCompletes() {
        JsonPath task = runAndWait(TestJobs.SlowJob.NAME, 50)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getString("name")).isEqualTo(TestJobs.SlowJob.NAME);
        assertThat(task.getString("type")).isEqualTo("maintenance");
        assertThat(task.getString("triggeredBy")).isEqualTo("ADMIN");
        assertThat(task.getString("params.millis")).isEqualTo("50");
        assertThat(task.getString("result.echo.millis")).isEqualTo("50");
        assertThat(task.getString("startedAt")).isNotNull();
        assertThat(task.getString("completedAt")).isNotNull();
        assertThat(new java.math.BigDecimal(task.getString("executionTimeSeconds")))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("0.040"));
        assertThat(task.getString("error")).isNull();
    }

    @Test
    void shouldRecordRunsAStoppedProcessLeftUnfinishedAsFailedWhenTheJobRunsAgain() {
        Instant now = TestClock.current();
        // what a process killed mid-run leaves behind: its run RUNNING, a run it had recorded but not started PENDING
        long leftRunning = RetentionTestData.task(pool, TestJobs.SlowJob.NAME, "running", now.minusSeconds(600));
        long leftPending =
                RetentionTestData.task(pool, TestJobs.SlowJob.NAME, "pending", now.minus(Duration.ofHours(2)));
        // a run recorded a moment ago that may still be waiting for the lock, and another job's run: both untouched
        long freshPending = RetentionTestData.task(pool, TestJobs.SlowJob.NAME, "pending", now.minusSeconds(5));
        long otherJob = RetentionTestData.task(pool, TestJobs.FailingJob.NAME, "running", now.minusSeconds(600));

        long id = completedRunId(TestJobs.SlowJob.NAME, 1);

        for (long interrupted : List.of(leftRunning, leftPending)) {
            JsonPath task = task(interrupted);
            assertThat(task.getString("status")).isEqualTo("FAILED");
            assertThat(task.getString("error"))
                    .isEqualTo("interrupted: the process running it stopped before it finished (found by task " + id
                            + ", the job's next run)");
            assertThat(task.getString("completedAt")).isNotNull();
        }
        assertThat(task(freshPending).getString("status")).isEqualTo("PENDING");
        assertThat(task(otherJob).getString("status")).isEqualTo("RUNNING");
        // the stand-ins are done with: no later run of this class trips over them
        RetentionTestData.deleteTasks(pool, List.of(freshPending, otherJob));
    }

    @Test
    void shouldRunAScheduledJobOncePerScheduleSlotWhenSeveralReplicasFireIt() {
        // test.slow is scheduled every 1h; each replica's scheduler fires it once an hour from its own start time
        try {
            TestClock.set(Instant.parse("2031-05-07T10:05:00Z")); // replica A
            JobRun first = scheduledRun();
            TestClock.set(Instant.parse("2031-05-07T10:25:00Z")); // replica B, same hour
            JobRun second = scheduledRun();
            assertThat(heldLocks(TestJobs.SlowJob.NAME))
                    .as("sessions still holding the job's lock after a run skipped for its slot (a lock left on a"
                            + " pooled connection skips the job's runs on every other connection)")
                    .isZero();
            JobRun byHand = runOnVertx(Map.of("millis", "1")); // not the scheduler's: runs whatever the slot
            TestClock.set(Instant.parse("2031-05-07T10:59:59.999Z")); // replica C, still the same hour
            JobRun third = scheduledRun();
            TestClock.set(Instant.parse("2031-05-07T11:00:00Z")); // the next slot
            JobRun next = scheduledRun();

            assertThat(List.of(first.status(), second.status(), byHand.status(), third.status(), next.status()))
                    .containsExactly(
                            RunStatus.COMPLETED,
                            RunStatus.SKIPPED,
                            RunStatus.COMPLETED,
                            RunStatus.SKIPPED,
                            RunStatus.COMPLETED);
            assertThat(second.result())
                    .containsEntry(
                            "reason",
                            "the job already ran in this schedule slot (2031-05-07T10:00:00Z, every PT1H) on this or"
                                    + " another replica");
            assertThat(second.startedAt()).isNull();
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void shouldAnswer400NamingTheParameterAndKeepTheJobRunnableWhenAParamIsNull() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .body("{\"params\":{\"millis\":\"1\",\"x\":null}}")
                .post("/api/v1/admin/jobs/{name}/runs", TestJobs.SlowJob.NAME)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("params[x]"));

        runAndWait(TestJobs.SlowJob.NAME, 1).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void shouldRecordTheFailureAndReleaseTheLockWhenARunFailsBeforeItsJobStarts() {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("x", null); // JobContext refuses it: the run fails after the runner took the job's lock

        JobRun failed = runOnVertx(params);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.completedAt()).isNotNull();
        // a lock left on the pooled connection would make every other run on that connection SKIPPED
        for (int i = 0; i < 6; i++) {
            assertThat(runOnVertx(Map.of("millis", "1")).status()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    @Test
    void shouldRunTheConfiguredFollowUpsWhenAJobCompletes() {
        long id = completedRunId(TestJobs.ChainStartJob.NAME, 0);

        JsonPath followUps = given().header("Authorization", ADMIN)
                .queryParam("name", TestJobs.FailingJob.NAME)
                .get("/api/v1/admin/tasks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(followUps.getList("items", Map.class)).anySatisfy(task -> {
            assertThat(task.get("triggeredBy")).isEqualTo("CHAIN");
            assertThat(task.get("status")).isEqualTo("FAILED");
            assertThat(((Map<?, ?>) task.get("params")).get("after")).isEqualTo(TestJobs.ChainStartJob.NAME);
            assertThat(((Number) ((Map<?, ?>) task.get("params")).get("afterTaskId")).longValue())
                    .isEqualTo(id);
        });
    }

    @Test
    void shouldRecordTheErrorWhenAJobFails() {
        runAndWait(TestJobs.FailingJob.NAME, 0)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", equalTo(TestJobs.FailingJob.MESSAGE))
                .body("result", nullValue())
                .body("completedAt", notNullValue());
    }

    @Test
    void shouldRunWithoutParamsWhenThePostHasNoBody() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", TestJobs.FailingJob.NAME)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("params", equalTo(java.util.Map.of()));
    }

    @Test
    void shouldAnswer202AndFinishInTheBackgroundWhenNotWaiting() {
        Response accepted = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"params\":{\"millis\":\"300\"}}")
                .post("/api/v1/admin/jobs/{name}/runs", TestJobs.SlowJob.NAME);
        accepted.then().statusCode(202).body("status", equalTo("PENDING"));
        long id = accepted.jsonPath().getLong("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/admin/tasks/" + id);

        String status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            status = given().header("Authorization", ADMIN)
                    .get("/api/v1/admin/tasks/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
            if (status.equals("COMPLETED")) {
                break;
            }
            sleep(100);
        }
        assertThat(status).isEqualTo("COMPLETED");
    }

    @Test
    void shouldWriteASystemHealthRowWhenTheHealthSnapshotJobRuns() {
        runAndWait(HealthSnapshotJob.NAME, 0)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("result.systemHealthId", greaterThan(0))
                .body("result.overallHealthScore", notNullValue());
    }

    @Test
    void shouldListJobsWithScheduleAndLastRunWhenAdmin() {
        runAndWait(TestJobs.SlowJob.NAME, 10).then().statusCode(200);

        given().header("Authorization", ADMIN)
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(200)
                .body("items.name", hasItems(HealthSnapshotJob.NAME, TestJobs.SlowJob.NAME))
                .body("items.find { it.name == 'ops.health-snapshot' }.every", equalTo("5m"))
                .body("items.find { it.name == 'ops.health-snapshot' }.enabled", equalTo(true))
                .body("items.find { it.name == 'test.slow' }.lastRun.status", notNullValue());
    }

    @Test
    void shouldFilterTasksByNameAndStatusWhenListing() {
        runAndWait(TestJobs.FailingJob.NAME, 0).then().statusCode(200);

        JsonPath page = given().header("Authorization", ADMIN)
                .queryParam("name", TestJobs.FailingJob.NAME)
                .queryParam("status", "FAILED")
                .queryParam("size", 5)
                .get("/api/v1/admin/tasks")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(5))
                .body("totalItems", greaterThan(0))
                .extract()
                .jsonPath();
        assertThat(page.getList("items.name", String.class)).containsOnly(TestJobs.FailingJob.NAME);
        assertThat(page.getList("items.status", String.class)).containsOnly("FAILED");

        given().header("Authorization", ADMIN)
                .queryParam("includeTotal", false)
                .get("/api/v1/admin/tasks")
                .then()
                .statusCode(200)
                .body("totalItems", nullValue())
                .body("totalPages", nullValue());
    }

    @Test
    void shouldAnswer404ProblemWhenTheJobIsUnknown() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/jobs/{name}/runs", "no.such-job")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.coinpilot.org/problems/not-found"))
                .body("title", equalTo("Resource not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No job is named 'no.such-job'."))
                .body("code", equalTo("JOB_NOT_FOUND"))
                .body("instance", equalTo("/api/v1/admin/jobs/no.such-job/runs"));
    }

    @Test
    void shouldAnswer400NamingTheParameterWhenPagingOrStatusIsOutOfRange() {
        given().header("Authorization", ADMIN)
                .queryParam("size", 0)
                .queryParam("page", -1)
                .queryParam("status", "BOGUS")
                .get("/api/v1/admin/tasks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("page", "size", "status"))
                .body("violations.in", hasItems("query"));
    }

    @Test
    void shouldAnswer400NamingPageWhenItsOffsetWouldOverflow() {
        // page × size past Integer.MAX_VALUE wrapped negative in the query's first result: a 500 before MAX_PAGE
        for (String path : List.of("/api/v1/admin/tasks", "/api/v1/assets", "/api/v1/notifications")) {
            given().header("Authorization", ADMIN)
                    .queryParam("page", Integer.MAX_VALUE)
                    .queryParam("size", 100)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItems("page"));
        }
        given().header("Authorization", ADMIN)
                .queryParam("page", PageQuery.MAX_PAGE)
                .queryParam("size", PageQuery.MAX_SIZE)
                .get("/api/v1/admin/tasks")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldRefuseAnonymousAndNonAdminCallers() {
        given().get("/api/v1/admin/jobs").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", TestTokens.bearer(TestTokens.user(42)))
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", TestTokens.bearer(TestTokens.user(42)))
                .post("/api/v1/admin/jobs/{name}/runs", TestJobs.SlowJob.NAME)
                .then()
                .statusCode(403);
        given().post("/api/v1/admin/jobs/{name}/runs", TestJobs.SlowJob.NAME)
                .then()
                .statusCode(401);
    }

    /** A run started as the scheduler does (trigger SCHEDULE), on a Vert.x context. */
    /** Granted advisory locks of {@code job} (JobRunner: pg_try_advisory_lock(namespace, hashtext(job))), any session. */
    private long heldLocks(String job) {
        return pool.preparedQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND classid = 7301 AND objsubid = 2 AND objid::int8 = (hashtext($1)::int8 & 4294967295)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(job))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }

    private JobRun scheduledRun() {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> runner.run(TestJobs.SlowJob.NAME, JobTrigger.SCHEDULE, Map.of("millis", "1")));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** A run started as the CLI does, on a Vert.x context (the recorder's transactions need one). */
    private JobRun runOnVertx(Map<String, Object> params) {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> runner.run(TestJobs.SlowJob.NAME, JobTrigger.CLI, params));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static JsonPath task(long id) {
        return given().header("Authorization", ADMIN)
                .get("/api/v1/admin/tasks/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Runs {@code job} and waits; the run must complete. Returns its task id. */
    private static long completedRunId(String job, long millis) {
        return runAndWait(job, millis)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Response runAndWait(String job, long millis) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .body("{\"params\":{\"millis\":\"" + millis + "\"}}")
                .post("/api/v1/admin/jobs/{name}/runs", job);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
