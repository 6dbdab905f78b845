package org.coinpilot.ops.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the database's own statistics over the reactive pool (outside any Hibernate session), for health
 * snapshots.
 */
@ApplicationScoped
public class DatabaseProbeRepository {

    private final Pool pool;

    public DatabaseProbeRepository(Pool pool) {
        this.pool = pool;
    }

    /** Facts about the connected database: version, size, connections by state. */
    public record DatabaseFacts(String version, long sizeBytes, long connections, long activeConnections) {}

    public Uni<DatabaseFacts> facts() {
        return pool.query("SELECT current_setting('server_version') AS version,"
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
    public Uni<Long> pingNanos() {
        long start = System.nanoTime();
        return pool.query("SELECT 1").execute().map(ignored -> System.nanoTime() - start);
    }

    /** Connections the pool currently holds. */
    public int poolSize() {
        return pool.size();
    }
}
