package org.coinpilot.ops.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import org.coinpilot.ops.domain.RetentionTable;

/**
 * Deletes old operational rows, one batch per statement over the reactive pool (outside any Hibernate session):
 * each statement commits on its own, so a run killed at any moment has deleted whole batches only, and the next
 * run carries on. Each batch picks the oldest rows through an index on the age column. $1 cutoff (exclusive),
 * $2 batch size.
 */
@ApplicationScoped
public class RetentionRepository {

    /**
     * Finished runs only (never pending or running), and never the newest run of a job name, so that the jobs list
     * and health snapshots still show every job's last run. Uses {@code ix_background_tasks_created} (V056).
     */
    static final String BACKGROUND_TASKS = """
            DELETE FROM background_tasks WHERE id = ANY(ARRAY(
                SELECT t.id FROM background_tasks t
                WHERE t.created_at < $1
                  AND t.status IN ('completed', 'failed', 'skipped')
                  AND EXISTS (SELECT 1 FROM background_tasks n WHERE n.task_name = t.task_name AND n.id > t.id)
                ORDER BY t.created_at
                LIMIT $2
                FOR UPDATE OF t SKIP LOCKED))""";

    /** Uses {@code ix_external_api_logs_created} (V013). */
    static final String EXTERNAL_API_LOGS = """
            DELETE FROM external_api_logs WHERE id = ANY(ARRAY(
                SELECT id FROM external_api_logs
                WHERE created_at < $1
                ORDER BY created_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED))""";

    /** Never the newest snapshot. Uses {@code ix_system_health_check_time} (V013). */
    static final String SYSTEM_HEALTH = """
            DELETE FROM system_health WHERE id = ANY(ARRAY(
                SELECT id FROM system_health
                WHERE check_time < $1
                  AND check_time < (SELECT max(check_time) FROM system_health)
                ORDER BY check_time
                LIMIT $2
                FOR UPDATE SKIP LOCKED))""";

    /** Deletes up to {@code batchSize} rows of {@code table} older than {@code before}; returns how many. */
    public Uni<Integer> deleteBatch(SqlClient client, RetentionTable table, Instant before, int batchSize) {
        String sql = switch (table) {
            case BACKGROUND_TASKS -> BACKGROUND_TASKS;
            case EXTERNAL_API_LOGS -> EXTERNAL_API_LOGS;
            case SYSTEM_HEALTH -> SYSTEM_HEALTH;
        };
        return client.preparedQuery(sql)
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), batchSize))
                .map(rows -> rows.rowCount());
    }
}
