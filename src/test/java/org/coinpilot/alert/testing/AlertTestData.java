package org.coinpilot.alert.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Users, candles and alert rows straight through the pool, for evaluation tests. */
public final class AlertTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AlertTestData() {}

    public static long user(Pool pool) {
        String email = "alerts" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@test.coinpilot.dev";
        return pool.preparedQuery("INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id")
                .execute(Tuple.of(email))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    /** Inserts a closed candle (open = high = low = close, so OHLC checks pass) with this close and volume. */
    public static void candle(Pool pool, long cryptoId, String timeframe, Instant time, String close, String volume) {
        pool.preparedQuery("INSERT INTO price_data (crypto_id, timeframe, open_price, high_price, low_price,"
                        + " close_price, volume, candle_time) VALUES ($1, $2, $3::text::numeric, $3::text::numeric, $3::text::numeric,"
                        + " $3::text::numeric, $4::text::numeric, $5)")
                .execute(Tuple.of(cryptoId, timeframe, close, volume, odt(time)))
                .await()
                .indefinitely();
    }

    public static void candle(Pool pool, long cryptoId, String timeframe, Instant time, String close) {
        candle(pool, cryptoId, timeframe, time, close, "1000");
    }

    /** Sets a candle's stored indicators (after inserting it: an insert resets them, V040). */
    public static void indicators(Pool pool, long cryptoId, String timeframe, Instant time, JsonObject values) {
        pool.preparedQuery("UPDATE price_data SET technical_indicators = $4::text::jsonb"
                        + " WHERE crypto_id = $1 AND timeframe = $2 AND candle_time = $3")
                .execute(Tuple.of(cryptoId, timeframe, odt(time), values == null ? null : values.encode()))
                .await()
                .indefinitely();
    }

    /** An alert row as the API would write it; {@link #insert} stores it. */
    public static final class Alert {
        public long userId;
        public long cryptoId;
        public String type = "price_target";
        public String condition = "above";
        public BigDecimal triggerValue;
        public String timeframe = "1h";
        public Integer windowCandles;
        public String frequency = "once";
        public Integer cooldownSeconds;
        public String indicatorKey;
        public String indicatorPath;
        public String referenceKey;
        public String referencePath;
        public List<String> methods = List.of("in_app");
        public String message;
        public Instant expiresAt;
        public Instant createdAt;

        public Alert(long userId, long cryptoId, Instant createdAt) {
            this.userId = userId;
            this.cryptoId = cryptoId;
            this.createdAt = createdAt;
        }

        public Alert type(String type) {
            this.type = type;
            return this;
        }

        public Alert when(String condition, String value) {
            this.condition = condition;
            this.triggerValue = value == null ? null : new BigDecimal(value);
            return this;
        }

        public Alert timeframe(String timeframe) {
            this.timeframe = timeframe;
            return this;
        }

        public Alert window(int candles) {
            this.windowCandles = candles;
            return this;
        }

        public Alert frequency(String frequency, Integer cooldownSeconds) {
            this.frequency = frequency;
            this.cooldownSeconds = cooldownSeconds;
            return this;
        }

        public Alert indicator(String key, String path) {
            this.indicatorKey = key;
            this.indicatorPath = path;
            return this;
        }

        public Alert reference(String key, String path) {
            this.referenceKey = key;
            this.referencePath = path;
            return this;
        }

        public Alert methods(String... methods) {
            this.methods = List.of(methods);
            return this;
        }

        public Alert message(String message) {
            this.message = message;
            return this;
        }

        public Alert expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public long insert(Pool pool) {
            return pool.preparedQuery("INSERT INTO signal_alerts (user_id, crypto_id, alert_type, condition,"
                            + " trigger_value, timeframe, window_candles, frequency, cooldown_seconds, indicator_key,"
                            + " indicator_path, reference_key, reference_path, notification_methods,"
                            + " notification_method, message, expires_at, created_at, updated_at)"
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text::jsonb, $15, $16,"
                            + " $17, $18, $18) RETURNING id")
                    .execute(Tuple.from(new Object[] {
                        userId,
                        cryptoId,
                        type,
                        condition,
                        triggerValue,
                        timeframe,
                        windowCandles,
                        frequency,
                        cooldownSeconds,
                        indicatorKey,
                        indicatorPath,
                        referenceKey,
                        referencePath,
                        new JsonArray(new ArrayList<>(methods)).encode(),
                        methods.get(0),
                        message,
                        odt(expiresAt),
                        odt(createdAt)
                    }))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong("id");
        }
    }

    /** The alert's row. */
    public static Row alert(Pool pool, long id) {
        return pool.preparedQuery("SELECT * FROM signal_alerts WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely()
                .iterator()
                .next();
    }

    /** The notifications of an alert, oldest first. */
    public static List<Row> notifications(Pool pool, long alertId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM notifications WHERE alert_id = $1 ORDER BY id")
                .execute(Tuple.of(alertId))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    public static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
