package org.coinpilot.identity.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The counters of the auth limits ({@code auth_throttles}): fixed windows keyed by (scope, subject, address). Every
 * statement is atomic on its own, so replicas sharing the database share the limits. The service hands in the
 * connection (or the pool, for a statement on its own).
 */
@ApplicationScoped
public class AuthThrottleRepository {

    /** One counter: {@code subject} and {@code address} are empty when the limit is not about them. */
    public record Key(String scope, String subject, String address) {

        static final Comparator<Key> ORDER =
                Comparator.comparing(Key::scope).thenComparing(Key::subject).thenComparing(Key::address);
    }

    /** A counter after a hit, or as read: hits in the window that ends at {@code expiresAt}. */
    public record Count(Key key, int hits, Instant expiresAt) {}

    /** A counter to hit and the end of the window it starts when none is running. */
    public record Hit(Key key, Instant windowEnd) {}

    /**
     * Counts one hit on each key, starting a new window where the running one ended; rows are taken in key order,
     * so concurrent hits on the same keys never deadlock. $1-$3 keys, $4 now, $5 the window end of a new window.
     */
    static final String HIT = """
            INSERT INTO auth_throttles AS t (scope, subject, address, hits, window_start, expires_at)
            SELECT k.scope, k.subject, k.address, 1, $4, k.window_end
              FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $5::timestamptz[])
                   AS k(scope, subject, address, window_end)
             ORDER BY k.scope, k.subject, k.address
            ON CONFLICT (scope, subject, address) DO UPDATE SET
                hits = CASE WHEN t.expires_at <= $4 THEN 1 ELSE least(t.hits, 1000000) + 1 END,
                window_start = CASE WHEN t.expires_at <= $4 THEN $4 ELSE t.window_start END,
                expires_at = CASE WHEN t.expires_at <= $4 THEN excluded.expires_at ELSE t.expires_at END
            RETURNING t.scope, t.subject, t.address, t.hits, t.expires_at""";

    /**
     * Takes one of {@code $5} hits of a key: counts it and answers a row unless the running window already holds
     * $5; a new window starts where the running one ended. $1-$3 the key, $4 now, $6 the end of a new window.
     */
    static final String TAKE = """
            INSERT INTO auth_throttles AS t (scope, subject, address, hits, window_start, expires_at)
            VALUES ($1, $2, $3, 1, $4, $6)
            ON CONFLICT (scope, subject, address) DO UPDATE SET
                hits = CASE WHEN t.expires_at <= $4 THEN 1 ELSE t.hits + 1 END,
                window_start = CASE WHEN t.expires_at <= $4 THEN $4 ELSE t.window_start END,
                expires_at = CASE WHEN t.expires_at <= $4 THEN excluded.expires_at ELSE t.expires_at END
             WHERE t.expires_at <= $4 OR t.hits < $5
            RETURNING t.hits""";

    /** The running windows of these keys. $1-$3 keys, $4 now. */
    static final String READ = """
            SELECT t.scope, t.subject, t.address, t.hits, t.expires_at
              FROM auth_throttles t
              JOIN unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS k(scope, subject, address)
                ON t.scope = k.scope AND t.subject = k.subject AND t.address = k.address
             WHERE t.expires_at > $4""";

    /** Takes back one hit of each key (a sign-in that succeeded does not count against the address). */
    static final String RELEASE = """
            UPDATE auth_throttles t SET hits = t.hits - 1
              FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS k(scope, subject, address)
             WHERE t.scope = k.scope AND t.subject = k.subject AND t.address = k.address
               AND t.hits > 0 AND t.expires_at > $4""";

    static final String CLEAR = """
            DELETE FROM auth_throttles t
             USING unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS k(scope, subject, address)
             WHERE t.scope = k.scope AND t.subject = k.subject AND t.address = k.address""";

    static final String CLEAR_SUBJECT = "DELETE FROM auth_throttles WHERE subject = $1";

    static final String PRUNE = """
            DELETE FROM auth_throttles WHERE ctid IN (
                SELECT ctid FROM auth_throttles WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2)""";

    /** Hits every key once; the counters after the hit, in key order. */
    public Uni<List<Count>> hit(SqlClient client, List<Hit> hits, Instant now) {
        List<Hit> ordered = new ArrayList<>(hits);
        ordered.sort(Comparator.comparing(Hit::key, Key.ORDER));
        OffsetDateTime[] ends = new OffsetDateTime[ordered.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = utc(ordered.get(i).windowEnd());
        }
        Tuple tuple = keys(ordered.stream().map(Hit::key).toList());
        tuple.addValue(utc(now));
        tuple.addArrayOfOffsetDateTime(ends);
        return client.preparedQuery(HIT).execute(tuple).map(rows -> {
            List<Count> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(count(row));
            }
            counts.sort(Comparator.comparing(Count::key, Key.ORDER));
            return counts;
        });
    }

    /** Counts one hit of {@code key} unless its running window already holds {@code limit}; whether it counted. */
    public Uni<Boolean> take(SqlClient client, Key key, int limit, Instant windowEnd, Instant now) {
        return client.preparedQuery(TAKE)
                .execute(Tuple.tuple()
                        .addValue(key.scope())
                        .addValue(key.subject())
                        .addValue(key.address())
                        .addValue(utc(now))
                        .addValue(limit)
                        .addValue(utc(windowEnd)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The running windows of these keys (a key without one is absent). */
    public Uni<List<Count>> read(SqlClient client, List<Key> keys, Instant now) {
        return client.preparedQuery(READ).execute(keys(keys).addValue(utc(now))).map(rows -> {
            List<Count> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(count(row));
            }
            return counts;
        });
    }

    /** Takes one hit back from each key that has a running window. */
    public Uni<Void> release(SqlClient client, List<Key> keys, Instant now) {
        return client.preparedQuery(RELEASE)
                .execute(keys(keys).addValue(utc(now)))
                .replaceWithVoid();
    }

    /** Deletes these counters. */
    public Uni<Void> clear(SqlClient client, List<Key> keys) {
        return client.preparedQuery(CLEAR).execute(keys(keys)).replaceWithVoid();
    }

    /** Deletes every counter about this subject (all scopes, all addresses); the number deleted. */
    public Uni<Integer> clearSubject(SqlClient client, String subject) {
        return client.preparedQuery(CLEAR_SUBJECT).execute(Tuple.of(subject)).map(rows -> rows.rowCount());
    }

    /** Deletes up to {@code limit} counters whose window ended; the number deleted. */
    public Uni<Integer> prune(SqlClient client, Instant now, int limit) {
        return client.preparedQuery(PRUNE).execute(Tuple.of(utc(now), limit)).map(rows -> rows.rowCount());
    }

    private static Tuple keys(List<Key> keys) {
        String[] scopes = new String[keys.size()];
        String[] subjects = new String[keys.size()];
        String[] addresses = new String[keys.size()];
        for (int i = 0; i < scopes.length; i++) {
            scopes[i] = keys.get(i).scope();
            subjects[i] = keys.get(i).subject();
            addresses[i] = keys.get(i).address();
        }
        return Tuple.tuple().addArrayOfString(scopes).addArrayOfString(subjects).addArrayOfString(addresses);
    }

    private static Count count(Row row) {
        return new Count(
                new Key(row.getString("scope"), row.getString("subject"), row.getString("address")),
                row.getInteger("hits"),
                row.getOffsetDateTime("expires_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
