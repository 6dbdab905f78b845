package org.coinpilot.ops.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the database's own statistics, on the client the service hands in, for health snapshots. */
@ApplicationScoped
public class DatabaseProbeRepository {

    /** Facts about the connected database: version, size, connections by state. */
    public record DatabaseFacts(String version, long sizeBytes, long connections, long activeConnections) {}

    public Uni<DatabaseFacts> facts(SqlClient client) {
        return client.query("SELECT current_setting('server_version') AS version,"
                        + " pg_database_size(current_database()) AS size_bytes,"
                        + " (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections,"
                        + " (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + "   AND state = 'active') AS active_connections")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new DatabaseFacts(
                            row.getString("version"),
                            row.getLong("size_bytes"),
                            row.getLong("connections"),
                            row.getLong("active_connections"));
                });
    }

    /** Round trip of a trivial query, in nanoseconds. */
    public Uni<Long> pingNanos(SqlClient client) {
        long start = System.nanoTime();
        return client.query("SELECT 1").execute().map(ignored -> System.nanoTime() - start);
    }
}
