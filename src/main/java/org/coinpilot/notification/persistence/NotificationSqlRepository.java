package org.coinpilot.notification.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.notification.domain.Notification;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.domain.NotificationStatus;
import org.coinpilot.notification.domain.NotificationType;

/**
 * Set-based SQL on {@code notifications} through the reactive SQL client: the broadcast {@code INSERT … SELECT},
 * the release ({@code UPDATE … RETURNING} plus {@code pg_notify} in the same transaction) and the look-ups of the
 * live stream.
 *
 * <p>Why SQL and not the Panache session: each statement is atomic on its own (or, for the release, runs in its
 * own short transaction with its NOTIFYs), binds whole arrays ({@code = ANY($1::int8[])}) that Hibernate Reactive
 * native queries cannot bind, and the stream's look-ups run from the LISTEN handler, outside any request and session.
 * Rows read here become detached {@link Notification} objects, mapped by the same view as the session's entities.
 * Broadcast recipients come from identity's published view {@code identity_recipients}.
 */
@ApplicationScoped
public class NotificationSqlRepository {

    /** The PostgreSQL channel every replica LISTENs on; payload: comma-separated notification ids. */
    public static final String CHANNEL = "coinpilot_notifications";

    /** NOTIFY payloads must stay under 8000 bytes; ids are ASCII, so characters are bytes. */
    public static final int MAX_PAYLOAD = 7900;

    /** The visibility rule in SQL at {@code $now} (the parameter number is substituted). */
    private static String visible(String now) {
        return "(scheduled_for IS NULL OR scheduled_for <= " + now + ") AND (expires_at IS NULL OR expires_at > " + now
                + ") AND status <> 'dismissed'";
    }

    static final String COLUMNS = "id, user_id, notification_type, title, message, data, status, priority,"
            + " scheduled_for, sent_at, read_at, expires_at, created_at, updated_at, idempotency_key, alert_id,"
            + " channels, fanned_out_at";

    /**
     * One {@code system} notification per recipient; {@code $7} is null (all active users: admins and public
     * users) or the one role. A repeated idempotency key (a retried broadcast) inserts nothing.
     */
    static final String BROADCAST = """
            INSERT INTO notifications (user_id, notification_type, title, message, data, priority, scheduled_for,
                                       expires_at, idempotency_key, channels, status, created_at, updated_at)
            SELECT u.user_id, 'system', $1::text, $2::text, jsonb_build_object('broadcastId', $3::text), $4::text,
                   $5::timestamptz, $6::timestamptz, 'broadcast:' || $3::text || ':' || u.user_id, '[]'::jsonb, 'unread',
                   $8::timestamptz, $8::timestamptz
            FROM identity_recipients u
            WHERE u.active
              AND (CASE WHEN $7::text IS NULL THEN u.role IN ('admin', 'public') ELSE u.role = $7::text END)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;

    /** Releases one batch of due, unexpired, unreleased notifications; concurrent releases skip each other's rows. */
    static final String RELEASE = """
            UPDATE notifications SET sent_at = $1::timestamptz
            WHERE sent_at IS NULL AND id = ANY(ARRAY(
                SELECT id FROM notifications
                WHERE sent_at IS NULL AND (scheduled_for IS NULL OR scheduled_for <= $1::timestamptz)
                  AND (expires_at IS NULL OR expires_at > $1::timestamptz)
                ORDER BY id
                LIMIT $2
                FOR UPDATE SKIP LOCKED))
            RETURNING id
            """;

    static final String RELEASED_FOR_USERS = "SELECT " + COLUMNS
            + " FROM notifications WHERE id = ANY($1::int8[]) AND user_id = ANY($2::int8[])"
            + " AND sent_at IS NOT NULL AND " + visible("$3::timestamptz") + " ORDER BY id";

    static final String REPLAY = "SELECT * FROM (SELECT " + COLUMNS
            + " FROM notifications WHERE user_id = $1 AND id > $2 AND sent_at IS NOT NULL AND "
            + visible("$3::timestamptz")
            + " ORDER BY id DESC LIMIT $4) newest ORDER BY id";

    /** What a broadcast inserts. {@code role} null means every active admin and public user. */
    public record BroadcastRows(
            String broadcastId,
            String title,
            String message,
            NotificationPriority priority,
            Instant scheduledFor,
            Instant expiresAt,
            String role,
            Instant now) {}

    /** Inserts the broadcast's rows in one statement; how many were new. */
    public Uni<Integer> insertBroadcast(SqlClient client, BroadcastRows rows) {
        return client.preparedQuery(BROADCAST)
                .execute(Tuple.from(new Object[] {
                    rows.title(),
                    rows.message(),
                    rows.broadcastId(),
                    new NotificationPriority.Converter().convertToDatabaseColumn(rows.priority()),
                    odt(rows.scheduledFor()),
                    odt(rows.expiresAt()),
                    rows.role(),
                    odt(rows.now())
                }))
                .map(RowSet::rowCount);
    }

    /**
     * Releases up to {@code limit} due notifications at {@code now} and publishes their ids on {@link #CHANNEL}, on
     * {@code connection} inside the caller's transaction: the NOTIFYs are delivered when it commits, and not at all
     * when it rolls back.
     *
     * @return the released ids, ascending
     */
    public Uni<List<Long>> releaseBatch(SqlConnection connection, Instant now, int limit) {
        return connection
                .preparedQuery(RELEASE)
                .execute(Tuple.of(odt(now), limit))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    ids.sort(null);
                    List<Tuple> notices = payloads(ids).stream()
                            .map(payload -> Tuple.of(CHANNEL, payload))
                            .toList();
                    if (notices.isEmpty()) {
                        return Uni.createFrom().item(ids);
                    }
                    return connection
                            .preparedQuery("SELECT pg_notify($1, $2)")
                            .executeBatch(notices)
                            .replaceWith(ids);
                });
    }

    /** The comma-separated payloads for {@code ids}, each under {@link #MAX_PAYLOAD} bytes. */
    public static List<String> payloads(List<Long> ids) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Long id : ids) {
            String text = Long.toString(id);
            if (current.length() > 0 && current.length() + 1 + text.length() > MAX_PAYLOAD) {
                payloads.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(',');
            }
            current.append(text);
        }
        if (current.length() > 0) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    /** The released notifications among {@code ids} that belong to one of {@code userIds} and are visible at {@code now}. */
    public Uni<List<Notification>> findReleasedForUsers(
            SqlClient client, List<Long> ids, List<Long> userIds, Instant now) {
        return client.preparedQuery(RELEASED_FOR_USERS)
                .execute(Tuple.of(ids.toArray(Long[]::new), userIds.toArray(Long[]::new), odt(now)))
                .map(NotificationSqlRepository::notifications);
    }

    /** The newest {@code limit} released, visible notifications of the user above {@code afterId}, ascending by id. */
    public Uni<List<Notification>> findReplay(SqlClient client, long userId, long afterId, Instant now, int limit) {
        return client.preparedQuery(REPLAY)
                .execute(Tuple.of(userId, afterId, odt(now), limit))
                .map(NotificationSqlRepository::notifications);
    }

    private static List<Notification> notifications(RowSet<Row> rows) {
        List<Notification> list = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> list.add(notification(row)));
        return list;
    }

    /** A detached notification read from a row of {@link #COLUMNS}. */
    static Notification notification(Row row) {
        Notification n = new Notification();
        n.id = row.getLong("id");
        n.userId = row.getLong("user_id");
        n.notificationType =
                new NotificationType.Converter().convertToEntityAttribute(row.getString("notification_type"));
        n.title = row.getString("title");
        n.message = row.getString("message");
        Object data = row.getValue("data");
        n.data = data instanceof JsonObject json ? plain(json) : null;
        n.status = new NotificationStatus.Converter().convertToEntityAttribute(row.getString("status"));
        n.priority = new NotificationPriority.Converter().convertToEntityAttribute(row.getString("priority"));
        n.scheduledFor = instant(row, "scheduled_for");
        n.sentAt = instant(row, "sent_at");
        n.readAt = instant(row, "read_at");
        n.expiresAt = instant(row, "expires_at");
        n.createdAt = instant(row, "created_at");
        n.updatedAt = instant(row, "updated_at");
        n.idempotencyKey = row.getString("idempotency_key");
        n.alertId = row.getLong("alert_id");
        Object channels = row.getValue("channels");
        n.channels = new ArrayList<>();
        if (channels instanceof JsonArray array) {
            array.forEach(value -> n.channels.add(String.valueOf(value)));
        }
        n.fannedOutAt = instant(row, "fanned_out_at");
        return n;
    }

    /** A JSON object as plain maps and lists (what Hibernate's JSON mapping gives the entity). */
    private static Map<String, Object> plain(JsonObject json) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.forEach(entry -> map.put(entry.getKey(), plainValue(entry.getValue())));
        return map;
    }

    private static Object plainValue(Object value) {
        if (value instanceof JsonObject object) {
            return plain(object);
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(item -> list.add(plainValue(item)));
            return list;
        }
        return value;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
