package org.coinpilot.alert.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation statements ({@link AlertEvaluator}) and the reads that go with them, through the reactive PG client
 * on the connection the service hands in: the statements are plain PostgreSQL with {@code $1} (the same text psql
 * runs), which Hibernate Reactive native queries do not take.
 */
@ApplicationScoped
public class AlertEvaluationRepository {

    /** What one statement did. */
    public record PassCounts(long fired, long notified, long series) {}

    /**
     * Runs {@code evaluator}'s statement on {@code connection} (inside the caller's transaction) with {@code $1 = now}
     * and, for a {@link AlertEvaluator#sharded() sharded} one, {@code $2 = shard}, {@code $3 = shards}.
     */
    public Uni<PassCounts> evaluate(
            SqlConnection connection, AlertEvaluator evaluator, Instant now, int shard, int shards) {
        Tuple parameters = evaluator.sharded() ? Tuple.of(odt(now), shard, shards) : Tuple.of(odt(now));
        return connection.preparedQuery(evaluator.sql()).execute(parameters).map(rows -> {
            Row row = rows.iterator().next();
            return new PassCounts(row.getLong("fired"), row.getLong("notified"), row.getLong("series"));
        });
    }

    /** Key of a checked series. */
    public record SeriesKey(long cryptoId, String timeframe, String alertType) {}

    /** When each of these assets' series were last checked, by (asset, timeframe, alert type). */
    public Uni<Map<SeriesKey, Instant>> seriesChecks(SqlClient client, List<Long> cryptoIds) {
        if (cryptoIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("SELECT crypto_id, timeframe, alert_type, checked_at FROM alert_series_checks"
                        + " WHERE crypto_id = ANY($1)")
                .execute(Tuple.of(cryptoIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<SeriesKey, Instant> checks = new HashMap<>();
                    for (Row row : rows) {
                        checks.put(
                                new SeriesKey(
                                        row.getLong("crypto_id"),
                                        row.getString("timeframe"),
                                        row.getString("alert_type")),
                                row.getOffsetDateTime("checked_at").toInstant());
                    }
                    return checks;
                });
    }

    private static OffsetDateTime odt(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
