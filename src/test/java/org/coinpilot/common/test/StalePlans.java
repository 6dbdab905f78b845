package org.coinpilot.common.test;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;

/**
 * Runs a batch statement the way PostgreSQL plans it right after a bulk insert, when the statistics still describe
 * the table as it was before: on one pooled connection, a temporary copy of the statement's table (same columns,
 * defaults, identity, indexes and checks; it shadows the real table for this connection only, and autovacuum never
 * analyses it) is analysed while it holds the {@code before} rows, then filled with the {@code after} rows, and the
 * statement runs with generic plans forced — what a prepared statement that the pool caches gets after five runs.
 * Returns what {@code check} counts afterwards. The copy is dropped and the setting reset before the connection goes
 * back to the pool.
 */
public final class StalePlans {

    private StalePlans() {}

    public static long run(
            Pool pool, String table, String before, String after, String statement, Tuple params, String check) {
        return onStaleCopy(
                pool,
                table,
                before,
                after,
                connection -> connection
                        .preparedQuery(statement)
                        .execute(params)
                        .chain(() -> connection.query(check).execute())
                        .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** The generic plan of {@code statement} on such a copy ({@code EXPLAIN}, nothing executed), one line per row. */
    public static List<String> explain(
            Pool pool, String table, String before, String after, String statement, Tuple params) {
        return onStaleCopy(
                pool,
                table,
                before,
                after,
                connection -> connection
                        .preparedQuery("EXPLAIN " + statement)
                        .execute(params)
                        .map(rows -> {
                            List<String> lines = new java.util.ArrayList<>();
                            rows.forEach(row -> lines.add(row.getString(0)));
                            return lines;
                        }));
    }

    private static <T> T onStaleCopy(
            Pool pool,
            String table,
            String before,
            String after,
            java.util.function.Function<SqlConnection, io.smallrye.mutiny.Uni<T>> work) {
        return pool.withConnection(connection -> steps(
                                connection,
                                List.of(
                                        "CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL)",
                                        before,
                                        "ANALYZE pg_temp." + table,
                                        after,
                                        "SET plan_cache_mode = force_generic_plan"))
                        .chain(() -> work.apply(connection))
                        .eventually(() -> steps(
                                connection, List.of("DROP TABLE IF EXISTS pg_temp." + table, "RESET plan_cache_mode"))))
                .await()
                .atMost(Duration.ofSeconds(60));
    }

    private static io.smallrye.mutiny.Uni<Void> steps(SqlConnection connection, List<String> sql) {
        io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
        for (String each : sql) {
            chain = chain.chain(() -> connection.query(each).execute()).replaceWithVoid();
        }
        return chain;
    }
}
