package org.coinpilot.notification.api;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Users and notifications written straight through the pool; each test makes its own users. */
public final class NotificationTestData {

    private NotificationTestData() {}

    /** A new user with {@code role} (admin, public, service); inactive or deleted when asked. */
    public static long user(Pool pool, String role, boolean active, boolean deleted) {
        String email = "notif-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        return pool.preparedQuery("INSERT INTO users (email, password_hash, role, is_active, deleted_at)"
                        + " VALUES ($1, 'x', $2, $3, $4) RETURNING id")
                .execute(Tuple.of(email, role, active, deleted ? odt(Instant.now()) : null))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    public static long user(Pool pool) {
        return user(pool, "public", true, false);
    }

    /** A notification row; the builder's fields are the columns, null ones keep their defaults. */
    public static Builder notification(long userId) {
        return new Builder(userId);
    }

    public static final class Builder {
        private final long userId;
        String type = "alert";
        String title = "BTC above 50000";
        String message = "BTC closed at 50100 on 1h";
        String status = "unread";
        String priority = "normal";
        Instant scheduledFor;
        Instant expiresAt;
        Instant sentAt;
        Instant createdAt = Instant.now();
        String data = "{\"symbol\": \"BTC\", \"value\": \"50100.00\", \"nested\": {\"list\": [1, 2]}}";

        Builder(long userId) {
            this.userId = userId;
        }

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder status(String value) {
            status = value;
            return this;
        }

        public Builder priority(String value) {
            priority = value;
            return this;
        }

        public Builder scheduledFor(Instant value) {
            scheduledFor = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        public Builder sentAt(Instant value) {
            sentAt = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** Inserts it; its id. */
        public long insert(Pool pool) {
            return pool.preparedQuery("INSERT INTO notifications (user_id, notification_type, title, message, data,"
                            + " status, priority, scheduled_for, expires_at, sent_at, created_at, updated_at)"
                            + " VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9, $10, $11, $11) RETURNING id")
                    .execute(Tuple.from(new Object[] {
                        userId,
                        type,
                        title,
                        message,
                        data,
                        status,
                        priority,
                        odt(scheduledFor),
                        odt(expiresAt),
                        odt(sentAt),
                        odt(createdAt)
                    }))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong("id");
        }
    }

    /** One column of a notification, e.g. {@code sent_at}. */
    public static Object column(Pool pool, long id, String column) {
        Row row = pool.preparedQuery("SELECT " + column + " FROM notifications WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely()
                .iterator()
                .next();
        return row.getValue(0);
    }

    public static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
