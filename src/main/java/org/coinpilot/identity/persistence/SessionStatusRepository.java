package org.coinpilot.identity.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one query run while authenticating a request: is the session of an access token still usable, and whose is
 * it? Plain SQL (no Hibernate session), because it runs inside the security layer, before any resource opens a unit
 * of work; the caller hands in the client (the pool, one autocommit statement).
 */
@ApplicationScoped
public class SessionStatusRepository {

    /** A session row: its ids and whether it (and its user) may still be used at the given instant. */
    public record SessionStatus(long sessionId, long userId, boolean usable) {}

    /** The status of the session with this public token, or null when no such session exists. */
    public Uni<SessionStatus> find(SqlClient client, String sessionToken, Instant now) {
        return client.preparedQuery("""
                        SELECT s.id, s.user_id,
                               (s.is_active AND s.revoked_at IS NULL AND s.expires_at > $2
                                AND u.is_active AND u.deleted_at IS NULL) AS usable
                          FROM user_sessions s JOIN users u ON u.id = s.user_id
                         WHERE s.session_token = $1""")
                .execute(Tuple.of(sessionToken, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    Row row = iterator.next();
                    return new SessionStatus(row.getLong("id"), row.getLong("user_id"), row.getBoolean("usable"));
                });
    }
}
