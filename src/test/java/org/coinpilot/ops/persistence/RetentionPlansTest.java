package org.coinpilot.ops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.coinpilot.common.test.StalePlans;
import org.junit.jupiter.api.Test;

/**
 * Each retention batch deletes one batch, also when the table's statistics predate its rows (see
 * {@code notification.persistence.BatchStatementPlansTest} for what the {@code IN (SELECT … SKIP LOCKED)} form did).
 */
@QuarkusTest
class RetentionPlansTest {

    static final OffsetDateTime CUTOFF = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    Vertx vertx;

    @Test
    void shouldDeleteOneBatchOfFinishedRunsWhenTheStatisticsPredateThem() {
        long left = StalePlans.run(
                vertx,
                "background_tasks",
                "INSERT INTO background_tasks (task_name, task_type, status) VALUES ('seed', 'maintenance', 'running')",
                "INSERT INTO background_tasks (task_name, task_type, status, created_at)"
                        + " SELECT 'old', 'maintenance', 'completed', now() - g * interval '1 second'"
                        + " FROM generate_series(1, 3000) g",
                RetentionRepository.BACKGROUND_TASKS,
                Tuple.of(CUTOFF, 500),
                "SELECT count(*) FROM background_tasks WHERE task_name = 'old'");

        assertThat(3000 - left).as("runs deleted by one batch of 500").isEqualTo(500);
    }

    @Test
    void shouldDeleteOneBatchOfApiLogsWhenTheStatisticsPredateThem() {
        long left = StalePlans.run(
                vertx,
                "external_api_logs",
                "INSERT INTO external_api_logs (api_provider, endpoint, created_at) VALUES ('seed', '/', '2031-01-01')",
                "INSERT INTO external_api_logs (api_provider, endpoint, created_at)"
                        + " SELECT 'binance', '/api/v3/klines', now() - g * interval '1 second'"
                        + " FROM generate_series(1, 3000) g",
                RetentionRepository.EXTERNAL_API_LOGS,
                Tuple.of(CUTOFF, 500),
                "SELECT count(*) FROM external_api_logs WHERE api_provider = 'binance'");

        assertThat(3000 - left).as("logs deleted by one batch of 500").isEqualTo(500);
    }

    @Test
    void shouldDeleteOneBatchOfHealthSnapshotsWhenTheStatisticsPredateThem() {
        long left = StalePlans.run(
                vertx,
                "system_health",
                "INSERT INTO system_health (check_time) VALUES ('2031-01-01')",
                "INSERT INTO system_health (check_time) SELECT now() - g * interval '1 second'"
                        + " FROM generate_series(1, 3000) g",
                RetentionRepository.SYSTEM_HEALTH,
                Tuple.of(CUTOFF, 500),
                "SELECT count(*) FROM system_health WHERE check_time < '2031-01-01'");

        assertThat(3000 - left).as("snapshots deleted by one batch of 500").isEqualTo(500);
    }
}
