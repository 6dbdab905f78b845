package org.coinpilot.notification.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.notification.domain.DeliveryAttemptStatus;
import org.coinpilot.notification.domain.DeliveryChannel;
import org.coinpilot.notification.domain.DeliveryStatus;

/**
 * The delivery outbox ({@code notification_deliveries}, {@code notification_delivery_attempts}) as set-based SQL on
 * the connection the delivery job hands in: fan-out, claim, record. Each statement is atomic on its own (a CTE where a
 * statement writes two tables), so the job holds no transaction while it sends. Recipients (email, time zone, whether
 * they may receive, their notification settings) come from identity's published view {@code identity_recipients}.
 */
@ApplicationScoped
public class DeliverySqlRepository {

    /**
     * Fan-out: takes a batch of released, not yet fanned out notifications, marks them fanned out and inserts one
     * outbox row per external channel: union(notification.channels, preferences channels of its type), kept only
     * when the user configured the channel (webhook: a URL; email: not switched off, account verified). Expired,
     * dismissed notifications and deleted or inactive users are marked without rows. $1 now, $2 batch size.
     */
    static final String FAN_OUT = """
            WITH due AS (
                SELECT n.id, n.user_id, n.notification_type, n.channels, n.status, n.expires_at
                FROM notifications n
                WHERE n.sent_at IS NOT NULL AND n.fanned_out_at IS NULL
                ORDER BY n.id
                LIMIT $2
                FOR UPDATE OF n SKIP LOCKED
            ), marked AS (
                UPDATE notifications n SET fanned_out_at = $1 FROM due WHERE n.id = due.id RETURNING n.id
            ), wanted AS (
                SELECT DISTINCT due.id, due.user_id, ch.channel
                FROM due
                JOIN identity_recipients u ON u.user_id = due.user_id
                CROSS JOIN LATERAL (
                    SELECT jsonb_array_elements_text(due.channels) AS channel
                    UNION
                    SELECT jsonb_array_elements_text(
                        CASE WHEN jsonb_typeof(u.notification_preferences #> ARRAY['channels', due.notification_type])
                                  = 'array'
                             THEN u.notification_preferences #> ARRAY['channels', due.notification_type]
                             ELSE '[]'::jsonb END)
                ) ch
                WHERE due.status <> 'dismissed'
                  AND (due.expires_at IS NULL OR due.expires_at > $1)
                  AND u.active
                  AND ((ch.channel = 'webhook'
                          AND coalesce(u.notification_preferences #>> '{webhook,url}', '') <> '')
                    OR (ch.channel = 'email'
                          AND coalesce(u.notification_preferences -> 'email', 'true'::jsonb) <> 'false'::jsonb
                          AND u.is_verified))
            ), inserted AS (
                INSERT INTO notification_deliveries
                    (notification_id, user_id, channel, idempotency_key, status, attempts, next_attempt_at)
                SELECT id, user_id, channel, id || ':' || channel, 'pending', 0, $1 FROM wanted
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id
            )
            SELECT (SELECT count(*) FROM marked) AS notifications, (SELECT count(*) FROM inserted) AS deliveries""";

    /**
     * Claims due deliveries: attempts + 1 and a lease (next_attempt_at moved to $2), with what sending needs. $1 now,
     * $2 lease end, $3 batch size.
     */
    static final String CLAIM = """
            WITH claimed AS (
                UPDATE notification_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2
                WHERE d.id = ANY(ARRAY(
                    SELECT id FROM notification_deliveries
                    WHERE status IN ('pending', 'held') AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, id
                    LIMIT $3
                    FOR UPDATE SKIP LOCKED))
                RETURNING d.id, d.notification_id, d.user_id, d.channel, d.idempotency_key, d.status, d.attempts
            )
            SELECT c.id, c.notification_id, c.channel, c.idempotency_key, c.status, c.attempts,
                   (SELECT count(*) FROM notification_delivery_attempts a
                    WHERE a.delivery_id = c.id AND a.status = 'failed') AS failures,
                   n.notification_type, n.title, n.message, n.data, n.priority, n.created_at, n.expires_at,
                   u.email, u.timezone, u.notification_preferences AS preferences
            FROM claimed c
            JOIN notifications n ON n.id = c.notification_id
            JOIN identity_recipients u ON u.user_id = c.user_id
            ORDER BY c.id""";

    /**
     * Records one attempt and the delivery's new state in one statement. The state only changes while the claim is
     * still this run's ({@code attempts} unchanged), so a late answer after the lease ran out cannot overwrite a newer
     * claim; the attempt is logged either way.
     */
    static final String RECORD = """
            WITH logged AS (
                INSERT INTO notification_delivery_attempts
                    (delivery_id, attempt, status, http_status, error, latency_ms, attempted_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
            )
            UPDATE notification_deliveries
            SET status = $8, next_attempt_at = $9, last_error = $10, sent_at = coalesce($11, sent_at)
            WHERE id = $1 AND attempts = $2 AND status IN ('pending', 'held')""";

    /** What one fan-out statement did. */
    public record FanOut(long notifications, long deliveries) {}

    /** A claimed delivery with its notification and recipient. */
    public record Claimed(
            long id,
            long notificationId,
            DeliveryChannel channel,
            String idempotencyKey,
            DeliveryStatus status,
            int attempt,
            int failures,
            String notificationType,
            String title,
            String message,
            Object data,
            String priority,
            Instant createdAt,
            Instant expiresAt,
            String email,
            String timezone,
            Object preferences) {}

    /** One attempt to record, with the delivery's next state. */
    public record Outcome(
            long deliveryId,
            int attempt,
            DeliveryAttemptStatus attemptStatus,
            Integer httpStatus,
            String error,
            Integer latencyMs,
            Instant attemptedAt,
            DeliveryStatus status,
            Instant nextAttemptAt,
            Instant sentAt) {}

    public Uni<FanOut> fanOut(SqlClient client, Instant now, int batch) {
        return client.preparedQuery(FAN_OUT).execute(Tuple.of(odt(now), batch)).map(rows -> {
            Row row = rows.iterator().next();
            return new FanOut(row.getLong("notifications"), row.getLong("deliveries"));
        });
    }

    public Uni<List<Claimed>> claimDue(SqlClient client, Instant now, Instant leaseUntil, int batch) {
        return client.preparedQuery(CLAIM)
                .execute(Tuple.of(odt(now), odt(leaseUntil), batch))
                .map(DeliverySqlRepository::claimed);
    }

    /** Records the attempt; true when the delivery's state was updated (the claim was still current). */
    public Uni<Boolean> record(SqlClient client, Outcome o) {
        Tuple values = Tuple.tuple()
                .addLong(o.deliveryId())
                .addInteger(o.attempt())
                .addString(o.attemptStatus().dbValue())
                .addInteger(o.httpStatus())
                .addString(cut(o.error()))
                .addInteger(o.latencyMs())
                .addOffsetDateTime(odt(o.attemptedAt()))
                .addString(o.status().dbValue())
                .addOffsetDateTime(odt(o.nextAttemptAt()))
                .addString(o.status() == DeliveryStatus.SENT ? null : cut(o.error()))
                .addOffsetDateTime(odt(o.sentAt()));
        return client.preparedQuery(RECORD).execute(values).map(rows -> rows.rowCount() == 1);
    }

    private static List<Claimed> claimed(RowSet<Row> rows) {
        List<Claimed> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new Claimed(
                    row.getLong("id"),
                    row.getLong("notification_id"),
                    DeliveryChannel.fromDb(row.getString("channel")),
                    row.getString("idempotency_key"),
                    DeliveryStatus.fromDb(row.getString("status")),
                    row.getInteger("attempts"),
                    row.getLong("failures").intValue(),
                    row.getString("notification_type"),
                    row.getString("title"),
                    row.getString("message"),
                    row.getValue("data"),
                    row.getString("priority"),
                    instant(row, "created_at"),
                    instant(row, "expires_at"),
                    row.getString("email"),
                    row.getString("timezone"),
                    row.getValue("preferences")));
        }
        return list;
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
