package org.coinpilot.common.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.ops.job.TestJobs;
import org.junit.jupiter.api.Test;

/**
 * What shutdown does to the job runs in flight ({@link JobRunner#interruptInFlight}, called by the runner's
 * {@code ShutdownEvent} observer): a run still going after the grace is recorded as interrupted and its job's lock is
 * released at once (the next run, here or on another replica, is not skipped); a run that finishes within the grace is
 * left to complete.
 */
@QuarkusTest
class JobRunnerShutdownTest {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @Inject
    JobRunner runner;

    @Inject
    JobRunRecorder recorder;

    @Inject
    Vertx vertx;

    @Test
    void shouldRecordARunStillGoingAsInterruptedAndReleaseItsLockWhenTheServiceShutsDown() {
        CompletableFuture<JobRun> finished = start("60000");
        await().atMost(Duration.ofSeconds(30)).until(() -> runner.inFlight().size() == 1);
        long taskId = runner.inFlight().get(0);

        int interrupted = runner.interruptInFlight(Duration.ZERO);

        assertThat(interrupted).isEqualTo(1);
        assertThat(runner.inFlight()).doesNotContain(taskId);
        JobRun run = OnVertxContext.await(vertx, () -> recorder.find(taskId));
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).startsWith("interrupted: the service shut down");
        // the lock went with the interruption: the job's next run takes it instead of being skipped
        JobRun next = OnVertxContext.await(
                vertx, () -> runner.run(TestJobs.SlowJob.NAME, JobTrigger.ADMIN, Map.of("millis", "10")));
        assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(finished).isNotDone(); // the abandoned body still waits; its end changes nothing recorded
    }

    @Test
    void shouldLetARunFinishWhenItEndsWithinTheShutdownGrace() throws Exception {
        CompletableFuture<JobRun> finished = start("300");
        await().atMost(Duration.ofSeconds(30)).until(() -> runner.inFlight().size() == 1);
        long taskId = runner.inFlight().get(0);

        assertThat(runner.interruptInFlight(Duration.ofSeconds(30))).isZero();

        JobRun run = finished.get(30, TimeUnit.SECONDS);
        assertThat(run.taskId()).isEqualTo(taskId);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(OnVertxContext.await(vertx, () -> recorder.find(taskId)).status())
                .isEqualTo(RunStatus.COMPLETED);
    }

    /** Runs the slow test job on a thread of its own (as the scheduler would), so the test can act while it runs. */
    private CompletableFuture<JobRun> start(String millis) {
        assertThat(runner.inFlight()).isEmpty();
        return CompletableFuture.supplyAsync(
                () -> OnVertxContext.await(
                        vertx, () -> runner.run(TestJobs.SlowJob.NAME, JobTrigger.ADMIN, Map.of("millis", millis))),
                EXECUTOR);
    }
}
