package org.coinpilot.common.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.coinpilot.common.job.JobRunner;
import org.coinpilot.common.test.LogCapture;
import org.coinpilot.common.test.Poll;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.ops.job.TestJobs;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under load and comes back (the pool reaches it through a proxy the test cuts): requests are
 * answered 503 with Retry-After, the outage is logged once when it starts and once when it ends, nothing logs a stack
 * trace per failure (requests, job runs, the pool's late timers), and requests succeed again afterwards.
 */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageTest {

    static final int REQUESTS = 40;

    @Inject
    DatabaseOutage outage;

    @Inject
    PoolQueryTimerLeak leak;

    @Inject
    JobRunner runner;

    @Test
    void shouldAnswer503AndLogTheOutageOnceWhenTheDatabaseIsUnreachable() throws Throwable {
        given().get("/api/v1/assets").then().statusCode(200);
        long outagesBefore = outage.outages();
        long discardedBefore = leak.discarded();
        String user = TestTokens.user(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000));

        try (LogCapture log = LogCapture.install()) {
            DatabaseOutageResource.proxy().cut();
            for (int i = 0; i < REQUESTS / 2; i++) {
                given().get("/api/v1/assets")
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "7")
                        .contentType("application/problem+json")
                        .body("status", equalTo(503))
                        .body("code", equalTo("SERVICE_UNAVAILABLE"))
                        .body("type", endsWith("/service-unavailable"))
                        .body("instance", equalTo("/api/v1/assets"));
                // an authenticated request: its session check fails too, and is no reason for a 401
                given().auth()
                        .oauth2(user)
                        .get("/api/v1/notifications")
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "7")
                        .body("code", equalTo("SERVICE_UNAVAILABLE"));
            }
            // readiness tells the truth; its statements go through Pool#query, whose timers leak (PoolQueryTimerLeak)
            for (int i = 0; i < 3; i++) {
                given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            }
            // a scheduled run while the database is away: it ends quietly and is counted
            VertxContextSupport.subscribeAndAwait(() -> runner.runScheduled(TestJobs.SlowJob.NAME));
            assertThat(outage.active()).isTrue();

            DatabaseOutageResource.proxy().restore();
            Poll.until("the outage ends", Duration.ofSeconds(30), () -> !outage.active());
            Poll.until(
                    "requests succeed again",
                    Duration.ofSeconds(30),
                    () -> given().get("/api/v1/assets").statusCode() == 200);
            given().auth().oauth2(user).get("/api/v1/notifications").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200);
            // the late timers of the failed pool statements fire one pool-wait timeout (1 s here) after them
            Poll.until(
                    "the failed statements' pool timers have fired",
                    Duration.ofSeconds(20),
                    () -> leak.discarded() > discardedBefore);

            assertThat(outage.outages()).isEqualTo(outagesBefore + 1);
            assertThat(log.containing("database outage started"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING))
                    .satisfies(r -> assertThat(r.getThrown()).isNull());
            assertThat(log.containing("database outage ended"))
                    .singleElement()
                    .satisfies(r -> assertThat(LogCapture.message(r))
                            .contains("(" + REQUESTS + " requests failed, 1 job runs failed)"));
            assertThat(log.containing("Result is already complete")).isEmpty();
            List<LogRecord> withStack =
                    log.records().stream().filter(r -> r.getThrown() != null).toList();
            assertThat(withStack)
                    .as(
                            "records with a stack trace: %s",
                            withStack.stream().map(LogCapture::message).toList())
                    .isEmpty();
            assertThat(log.records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()))
                    .isEmpty();
        }
    }
}
