package org.coinpilot.ops.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Statistics over {@code external_api_logs} (percentiles, which HQL has not), on the client the service hands in. */
@ApplicationScoped
public class ExternalApiLogSqlRepository {

    static final String SUMMARY = """
            SELECT api_provider, endpoint, count(*) AS calls,
                   count(*) FILTER (WHERE response_status IS NULL OR response_status >= 300) AS errors,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time_ms) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY response_time_ms) AS p95
            FROM external_api_logs
            WHERE created_at >= $1
            GROUP BY api_provider, endpoint ORDER BY api_provider, endpoint""";

    /** Calls of one provider and endpoint: count, errors, median and 95th percentile latency (ms, null: none). */
    public record EndpointStats(String provider, String endpoint, long calls, long errors, Double p50, Double p95) {}

    /** The calls made since {@code since}, per provider and endpoint. */
    public Uni<List<EndpointStats>> summary(SqlClient client, Instant since) {
        return client.preparedQuery(SUMMARY)
                .execute(Tuple.of(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
                .map(rows -> {
                    List<EndpointStats> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new EndpointStats(
                                row.getString("api_provider"),
                                row.getString("endpoint"),
                                row.getLong("calls"),
                                row.getLong("errors"),
                                row.getDouble("p50"),
                                row.getDouble("p95")));
                    }
                    return list;
                });
    }
}
