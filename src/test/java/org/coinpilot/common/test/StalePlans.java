package org.coinpilot.common.test;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs a batch statement the way PostgreSQL plans it right after a bulk insert, when the statistics still describe
 * the table as it was before: on a connection of its own to the test database (not from the pool, and without
 * prepared statements kept, so that no statement prepared earlier against the real table is reused), a temporary copy
 * of the statement's table (same columns, defaults, identity, indexes and checks; it shadows the real table for this
 * session, and autovacuum never analyses it) is analysed while it holds the {@code before} rows, then filled with the
 * {@code after} rows, and the statement runs with generic plans forced — what a prepared statement that the pool
 * caches gets after five runs. The connection, and the copy with it, is closed afterwards.
 */
public final class StalePlans {

    private StalePlans() {}

    /** Runs {@code statement} on such a copy; returns what {@code check} counts afterwards. */
    public static long run(
            Vertx vertx, String table, String before, String after, String statement, Tuple params, String check) {
        return onStaleCopy(
                vertx,
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
            Vertx vertx, String table, String before, String after, String statement, Tuple params) {
        return onStaleCopy(
                vertx,
                table,
                before,
                after,
                connection -> connection
                        .preparedQuery("EXPLAIN " + statement)
                        .execute(params)
                        .map(rows -> {
                            List<String> lines = new ArrayList<>();
                            rows.forEach(row -> lines.add(row.getString(0)));
                            return lines;
                        }));
    }

    private static <T> T onStaleCopy(
            Vertx vertx, String table, String before, String after, Function<SqlConnection, Uni<T>> work) {
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(
                        config.getValue("quarkus.datasource.reactive.url", String.class)
                                .replaceFirst("^vertx-reactive:", ""))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class))
                .setCachePreparedStatements(false);
        return PgConnection.connect(vertx, options)
                .chain(connection -> steps(
                                connection,
                                List.of(
                                        "CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL)",
                                        before,
                                        "ANALYZE pg_temp." + table,
                                        after,
                                        "SET plan_cache_mode = force_generic_plan"))
                        .chain(() -> work.apply(connection))
                        .eventually(connection::close))
                .await()
                .atMost(Duration.ofSeconds(60));
    }

    private static Uni<Void> steps(SqlConnection connection, List<String> sql) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String each : sql) {
            chain = chain.chain(() -> connection.query(each).execute()).replaceWithVoid();
        }
        return chain;
    }
}
