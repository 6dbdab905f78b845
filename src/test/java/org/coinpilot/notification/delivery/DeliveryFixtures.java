package org.coinpilot.notification.delivery;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.common.test.TestTokens;

/** SQL and HTTP helpers of the delivery tests: users and released notifications are inserted directly. */
final class DeliveryFixtures {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private DeliveryFixtures() {}

    /** A verified, active user; returns its id. */
    static long user(Pool pool, String timezone) {
        String email = "delivery-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return pool.preparedQuery("INSERT INTO users (email, password_hash, is_verified, timezone) "
                        + "VALUES ($1, 'not-a-hash', true, $2) RETURNING id")
                .execute(Tuple.of(email, timezone))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong("id");
    }

    static String email(Pool pool, long userId) {
        return pool.preparedQuery("SELECT email FROM users WHERE id = $1")
                .execute(Tuple.of(userId))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getString("email");
    }

    /**
     * A released notification (sent_at set, as the release job does) of type alert asking for {@code channels};
     * returns its id.
     */
    static long released(Pool pool, long userId, String priority, Instant sentAt, String... channels) {
        return notification(pool, userId, "alert", priority, sentAt, null, channels);
    }

    static long notification(
            Pool pool,
            long userId,
            String type,
            String priority,
            Instant sentAt,
            Instant expiresAt,
            String... channels) {
        JsonObject data =
                new JsonObject().put("alertId", 7).put("symbol", "BTC").put("value", "65000.00000000");
        return pool.preparedQuery("""
                        INSERT INTO notifications
                            (user_id, notification_type, title, message, data, priority, sent_at, expires_at, channels)
                        VALUES ($1, $2, 'BTC above 65000', 'BTC crossed 65,000 USD', $3, $4, $5, $6, $7)
                        RETURNING id""")
                .execute(Tuple.tuple()
                        .addLong(userId)
                        .addString(type)
                        .addValue(data)
                        .addString(priority)
                        .addOffsetDateTime(odt(sentAt))
                        .addOffsetDateTime(odt(expiresAt))
                        .addValue(new JsonArray(List.of((Object[]) channels))))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong("id");
    }

    /** The outbox rows of a notification, by channel. */
    static List<Map<String, Object>> deliveries(Pool pool, long notificationId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : pool.preparedQuery(
                        "SELECT * FROM notification_deliveries WHERE notification_id = $1 " + "ORDER BY channel")
                .execute(Tuple.of(notificationId))
                .await()
                .atMost(WAIT)) {
            list.add(map(row));
        }
        return list;
    }

    /** The attempts of a delivery, in order. */
    static List<Map<String, Object>> attempts(Pool pool, long deliveryId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : pool.preparedQuery(
                        "SELECT * FROM notification_delivery_attempts WHERE delivery_id = $1 " + "ORDER BY attempt, id")
                .execute(Tuple.of(deliveryId))
                .await()
                .atMost(WAIT)) {
            list.add(map(row));
        }
        return list;
    }

    static Instant fannedOutAt(Pool pool, long notificationId) {
        OffsetDateTime at = pool.preparedQuery("SELECT fanned_out_at FROM notifications WHERE id = $1")
                .execute(Tuple.of(notificationId))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getOffsetDateTime("fanned_out_at");
        return at == null ? null : at.toInstant();
    }

    static void execute(Pool pool, String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().atMost(WAIT);
    }

    static RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> map(Row row) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.getValue(i);
            map.put(row.getColumnName(i), value instanceof OffsetDateTime t ? t.toInstant() : value);
        }
        return map;
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
