package org.coinpilot.ops.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** SQL of {@code api_request_stats}, on the client the service hands in. */
@ApplicationScoped
public class RequestStatsRepository {

    /** One bucket's counts of one route, method and status. */
    public record Row(
            Instant bucket,
            String route,
            String method,
            int status,
            long requests,
            double latencyMsSum,
            long[] latencyBuckets) {}

    /**
     * Adds the rows to the table in one statement: new keys are inserted, existing ones get the counts added (the
     * histograms bucket by bucket), so flushes of several replicas sum.
     */
    public Uni<Integer> add(SqlClient client, List<Row> rows) {
        int n = rows.size();
        OffsetDateTime[] buckets = new OffsetDateTime[n];
        String[] routes = new String[n];
        String[] methods = new String[n];
        Integer[] statuses = new Integer[n];
        Long[] requests = new Long[n];
        Double[] sums = new Double[n];
        String[] histograms = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            buckets[i] = odt(row.bucket());
            routes[i] = row.route();
            methods[i] = row.method();
            statuses[i] = row.status();
            requests[i] = row.requests();
            sums[i] = row.latencyMsSum();
            histograms[i] = Arrays.stream(row.latencyBuckets())
                    .mapToObj(Long::toString)
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return client.preparedQuery("""
                        INSERT INTO api_request_stats AS s
                            (bucket_start, route, method, status, requests, latency_ms_sum, latency_buckets)
                        SELECT b, r, m, st, q, l, h::bigint[]
                        FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::int[], $5::bigint[],
                                    $6::float8[], $7::text[]) AS u(b, r, m, st, q, l, h)
                        ON CONFLICT (bucket_start, route, method, status) DO UPDATE
                        SET requests = s.requests + EXCLUDED.requests,
                            latency_ms_sum = s.latency_ms_sum + EXCLUDED.latency_ms_sum,
                            latency_buckets = ARRAY(
                                SELECT coalesce(a, 0) + coalesce(c, 0)
                                FROM unnest(s.latency_buckets, EXCLUDED.latency_buckets) WITH ORDINALITY AS x(a, c, i)
                                ORDER BY i),
                            updated_at = now()""")
                .execute(Tuple.from(new Object[] {buckets, routes, methods, statuses, requests, sums, histograms}))
                .map(result -> result.rowCount());
    }

    /** The rows of the buckets starting in [from, to). */
    public Uni<List<Row>> range(SqlClient client, Instant from, Instant to) {
        return client.preparedQuery("SELECT bucket_start, route, method, status, requests, latency_ms_sum,"
                        + " latency_buckets FROM api_request_stats WHERE bucket_start >= $1 AND bucket_start < $2")
                .execute(Tuple.of(odt(from), odt(to)))
                .map(result -> {
                    List<Row> rows = new ArrayList<>();
                    result.forEach(row -> {
                        Long[] histogram = row.getArrayOfLongs("latency_buckets");
                        long[] counts = new long[histogram.length];
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] = histogram[i] == null ? 0 : histogram[i];
                        }
                        rows.add(new Row(
                                row.getOffsetDateTime("bucket_start").toInstant(),
                                row.getString("route"),
                                row.getString("method"),
                                row.getInteger("status"),
                                row.getLong("requests"),
                                row.getDouble("latency_ms_sum"),
                                counts));
                    });
                    return rows;
                });
    }

    /** Requests since {@code since} by status class: total, 4xx and 5xx. */
    public record StatusCounts(long total, long clientErrors, long serverErrors) {}

    public Uni<StatusCounts> statusCounts(SqlClient client, Instant since) {
        return client.preparedQuery("SELECT coalesce(sum(requests), 0) AS total,"
                        + " coalesce(sum(requests) FILTER (WHERE status BETWEEN 400 AND 499), 0) AS client_errors,"
                        + " coalesce(sum(requests) FILTER (WHERE status >= 500), 0) AS server_errors"
                        + " FROM api_request_stats WHERE bucket_start >= $1")
                .execute(Tuple.of(odt(since)))
                .map(result -> {
                    io.vertx.mutiny.sqlclient.Row row = result.iterator().next();
                    return new StatusCounts(
                            row.getLong("total"), row.getLong("client_errors"), row.getLong("server_errors"));
                });
    }

    /** Deletes the buckets that started before {@code before}; returns how many. */
    public Uni<Integer> deleteBefore(SqlClient client, Instant before) {
        return client.preparedQuery("DELETE FROM api_request_stats WHERE bucket_start < $1")
                .execute(Tuple.of(odt(before)))
                .map(result -> result.rowCount());
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
