package org.coinpilot.ops.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytics roll-up's SQL: the sources of one period (the audit trail through identity's published view
 * {@code identity_activity_events}, ops' own {@code background_tasks}) and the upsert into {@code analytics_data}.
 */
@ApplicationScoped
public class AnalyticsSqlRepository {

    /** Distinct active users and sign-ins in [from, to). */
    public record UserTotals(long activeUsers, long logins) {}

    /** Audit-trail events of one type and action in [from, to). */
    public record ActionCount(String activityType, String action, long count) {}

    /** Finished runs of one job with one outcome in [from, to) (by completion time). */
    public record JobOutcome(String job, String status, long runs, BigDecimal avgSeconds, BigDecimal maxSeconds) {}

    /** One value to write. */
    public record Metric(
            String category, String name, BigDecimal value, String dimensionsJson, String level, Instant period) {}

    public Uni<UserTotals> userTotals(SqlClient client, Instant from, Instant to) {
        return client.preparedQuery("SELECT count(DISTINCT user_id) AS active_users,"
                        + " count(*) FILTER (WHERE activity_type = 'login') AS logins"
                        + " FROM identity_activity_events WHERE created_at >= $1 AND created_at < $2")
                .execute(Tuple.of(odt(from), odt(to)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new UserTotals(row.getLong("active_users"), row.getLong("logins"));
                });
    }

    public Uni<List<ActionCount>> actions(SqlClient client, Instant from, Instant to) {
        return client.preparedQuery("SELECT activity_type, action, count(*) AS events FROM identity_activity_events"
                        + " WHERE created_at >= $1 AND created_at < $2 GROUP BY activity_type, action")
                .execute(Tuple.of(odt(from), odt(to)))
                .map(rows -> {
                    List<ActionCount> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new ActionCount(
                            row.getString("activity_type"), row.getString("action"), row.getLong("events"))));
                    return list;
                });
    }

    public Uni<List<JobOutcome>> jobOutcomes(SqlClient client, Instant from, Instant to) {
        return client.preparedQuery("SELECT task_name, status, count(*) AS runs,"
                        + " avg(execution_time_seconds) AS avg_seconds, max(execution_time_seconds) AS max_seconds"
                        + " FROM background_tasks WHERE completed_at >= $1 AND completed_at < $2"
                        + " AND status IN ('completed', 'failed', 'skipped') GROUP BY task_name, status")
                .execute(Tuple.of(odt(from), odt(to)))
                .map(rows -> {
                    List<JobOutcome> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new JobOutcome(
                            row.getString("task_name"),
                            row.getString("status"),
                            row.getLong("runs"),
                            row.getBigDecimal("avg_seconds"),
                            row.getBigDecimal("max_seconds"))));
                    return list;
                });
    }

    /**
     * Writes the metrics in one statement: a row per (category, metric, level, period, dimensions) is inserted or,
     * when it exists, its value replaced (so re-running a period rewrites the same rows). Returns how many were written.
     */
    public Uni<Integer> upsert(SqlClient client, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = metrics.size();
        String[] categories = new String[n];
        String[] names = new String[n];
        BigDecimal[] values = new BigDecimal[n];
        String[] dimensions = new String[n];
        String[] levels = new String[n];
        OffsetDateTime[] periods = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Metric m = metrics.get(i);
            categories[i] = m.category();
            names[i] = m.name();
            values[i] = m.value();
            dimensions[i] = m.dimensionsJson();
            levels[i] = m.level();
            periods[i] = odt(m.period());
        }
        return client.preparedQuery("""
                        INSERT INTO analytics_data AS a
                            (category, metric_name, metric_value, dimensions, aggregation_level, period_start)
                        SELECT c, m, v, d::jsonb, l, p
                        FROM unnest($1::text[], $2::text[], $3::numeric[], $4::text[], $5::text[],
                                    $6::timestamptz[]) AS u(c, m, v, d, l, p)
                        ON CONFLICT (category, metric_name, aggregation_level, period_start, dimensions) DO UPDATE
                        SET metric_value = EXCLUDED.metric_value""")
                .execute(Tuple.from(new Object[] {categories, names, values, dimensions, levels, periods}))
                .map(result -> result.rowCount());
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
