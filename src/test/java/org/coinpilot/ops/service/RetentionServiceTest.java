package org.coinpilot.ops.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.domain.RetentionPolicy;
import org.coinpilot.ops.domain.RetentionRun;
import org.coinpilot.ops.domain.RetentionTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention service on the test database. The clock is pinned in 2001, so that the only rows old enough to go
 * are the ones these tests write (other tests write theirs at real time or later).
 */
@QuarkusTest
class RetentionServiceTest {

    static final Instant NOW = Instant.parse("2001-01-01T00:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(200));
    static final Instant RECENT = NOW.minus(Duration.ofDays(2));

    @Inject
    Pool pool;

    @Inject
    RetentionService retention;

    @Inject
    OpsConfig config;

    @BeforeEach
    void pinClock() {
        TestClock.set(NOW);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldDeleteInSeveralBatchesAndGoOnInTheNextRunWhenARunReachesItsBatchLimit() {
        String provider = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> old = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            old.add(RetentionTestData.apiLog(pool, provider, OLD.plusSeconds(i)));
        }
        long recent = RetentionTestData.apiLog(pool, provider, RECENT);
        List<RetentionPolicy> logs =
                List.of(new RetentionPolicy(RetentionTable.EXTERNAL_API_LOGS, Duration.ofDays(14), 3));

        RetentionRun first = retention.prune(logs, 2).await().indefinitely();
        // two statements of three rows, the oldest first; the run stops there and says so
        assertThat(first.deleted()).containsExactly(java.util.Map.entry("external_api_logs", 6L));
        assertThat(first.unfinished()).containsExactly("external_api_logs");
        assertThat(RetentionTestData.remaining(pool, "external_api_logs", old)).isEqualTo(old.subList(6, 10));

        RetentionRun second = retention.prune(logs, 2).await().indefinitely();
        assertThat(second.deleted()).containsExactly(java.util.Map.entry("external_api_logs", 4L));
        assertThat(second.unfinished()).isEmpty();
        assertThat(RetentionTestData.remaining(pool, "external_api_logs", old)).isEmpty();

        RetentionRun third = retention.prune(logs, 2).await().indefinitely();
        assertThat(third.deleted()).containsExactly(java.util.Map.entry("external_api_logs", 0L));
        assertThat(RetentionTestData.remaining(pool, "external_api_logs", List.of(recent)))
                .containsExactly(recent);
    }

    @Test
    void shouldKeepRunningPendingAndEachJobsNewestRunWhenDeletingOldTasks() {
        String job = "test.retention." + UUID.randomUUID().toString().substring(0, 8);
        String lonely = job + ".lonely";
        List<Long> finished = List.of(
                RetentionTestData.task(pool, job, "completed", OLD),
                RetentionTestData.task(pool, job, "failed", OLD.plusSeconds(1)),
                RetentionTestData.task(pool, job, "skipped", OLD.plusSeconds(2)));
        long running = RetentionTestData.task(pool, job, "running", OLD.plusSeconds(3));
        long pending = RetentionTestData.task(pool, job, "pending", OLD.plusSeconds(4));
        long recent = RetentionTestData.task(pool, job, "completed", RECENT);
        // a job that has not run for long: its last run stays, so that the jobs list and health still show it
        long lastOfLonely = RetentionTestData.task(pool, lonely, "completed", OLD);

        RetentionRun run = retention
                .prune(List.of(new RetentionPolicy(RetentionTable.BACKGROUND_TASKS, Duration.ofDays(14), 2)), 10)
                .await()
                .indefinitely();

        assertThat(run.deleted()).containsExactly(java.util.Map.entry("background_tasks", 3L));
        assertThat(RetentionTestData.remaining(pool, "background_tasks", finished))
                .isEmpty();
        assertThat(RetentionTestData.remaining(
                        pool, "background_tasks", List.of(running, pending, recent, lastOfLonely)))
                .containsExactly(running, pending, recent, lastOfLonely);
    }

    @Test
    void shouldLeaveATableAloneWhenItIsDisabled() {
        long oldSnapshot = RetentionTestData.health(pool, OLD);
        long oldTwo = RetentionTestData.health(pool, OLD.plusSeconds(300));
        long recentSnapshot = RetentionTestData.health(pool, RECENT);
        String provider = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        long oldLog = RetentionTestData.apiLog(pool, provider, OLD);

        // system_health switched off: only the logs are pruned
        RetentionRun run = retention
                .prune(List.of(new RetentionPolicy(RetentionTable.EXTERNAL_API_LOGS, Duration.ofDays(14), 100)), 5)
                .await()
                .indefinitely();

        assertThat(run.deleted()).containsOnlyKeys("external_api_logs");
        assertThat(run.disabled()).containsExactly("background_tasks", "system_health");
        assertThat(RetentionTestData.remaining(pool, "system_health", List.of(oldSnapshot, oldTwo)))
                .containsExactly(oldSnapshot, oldTwo);
        assertThat(RetentionTestData.remaining(pool, "external_api_logs", List.of(oldLog)))
                .isEmpty();

        // switched on again, they go
        RetentionRun again = retention
                .prune(List.of(new RetentionPolicy(RetentionTable.SYSTEM_HEALTH, Duration.ofDays(30), 100)), 5)
                .await()
                .indefinitely();
        assertThat(again.deleted()).containsEntry("system_health", 2L);
        assertThat(RetentionTestData.remaining(pool, "system_health", List.of(oldSnapshot, oldTwo, recentSnapshot)))
                .containsExactly(recentSnapshot);
    }

    @Test
    void shouldPruneTheThreeOperationalTablesWithTheirDefaultsWhenConfiguredAsShipped() {
        assertThat(RetentionService.policies(config.retention()))
                .containsExactly(
                        new RetentionPolicy(RetentionTable.BACKGROUND_TASKS, Duration.ofDays(14), 5000),
                        new RetentionPolicy(RetentionTable.EXTERNAL_API_LOGS, Duration.ofDays(14), 5000),
                        new RetentionPolicy(RetentionTable.SYSTEM_HEALTH, Duration.ofDays(30), 5000));
        assertThat(config.retention().maxBatches()).isEqualTo(20);
    }
}
