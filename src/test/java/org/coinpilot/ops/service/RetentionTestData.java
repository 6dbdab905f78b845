package org.coinpilot.ops.service;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Rows of the tables the retention job prunes, written straight through the pool with the age a test needs. */
public final class RetentionTestData {

    private RetentionTestData() {}

    public static long task(Pool pool, String name, String status, Instant createdAt) {
        return id(pool.preparedQuery("INSERT INTO background_tasks (task_name, task_type, status, created_at)"
                        + " VALUES ($1, 'cleanup', $2, $3) RETURNING id")
                .execute(Tuple.of(name, status, createdAt.atOffset(ZoneOffset.UTC)))
                .await()
                .indefinitely()
                .iterator()
                .next());
    }

    public static long apiLog(Pool pool, String provider, Instant createdAt) {
        return id(
                pool.preparedQuery("INSERT INTO external_api_logs (api_provider, endpoint, response_status, created_at)"
                                + " VALUES ($1, '/retention', 200, $2) RETURNING id")
                        .execute(Tuple.of(provider, createdAt.atOffset(ZoneOffset.UTC)))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next());
    }

    public static long health(Pool pool, Instant checkTime) {
        return id(pool.preparedQuery("INSERT INTO system_health (check_time, overall_health_score, created_at)"
                        + " VALUES ($1, 100, $1) RETURNING id")
                .execute(Tuple.of(checkTime.atOffset(ZoneOffset.UTC)))
                .await()
                .indefinitely()
                .iterator()
                .next());
    }

    /** Which of {@code ids} still exist in {@code table}. */
    public static List<Long> remaining(Pool pool, String table, List<Long> ids) {
        List<Long> found = new ArrayList<>();
        pool.preparedQuery("SELECT id FROM " + table + " WHERE id = ANY($1) ORDER BY id")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .await()
                .indefinitely()
                .forEach(row -> found.add(row.getLong("id")));
        return found;
    }

    /** Deletes the {@code background_tasks} rows {@code ids}. */
    public static void deleteTasks(Pool pool, List<Long> ids) {
        pool.preparedQuery("DELETE FROM background_tasks WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .await()
                .indefinitely();
    }

    private static long id(Row row) {
        return row.getLong("id");
    }
}
