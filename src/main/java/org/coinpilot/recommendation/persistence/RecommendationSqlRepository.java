package org.coinpilot.recommendation.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coinpilot.recommendation.domain.Outcomes.Candle;
import org.coinpilot.recommendation.domain.RecommendationRules.Candidate;

/**
 * Set-based statements of {@code ai_recommendations} (the generator's insert, the expiry, the outcome pass) and the
 * candles of the outcome from market's published view {@code market_candles}. The service hands in the client.
 */
@ApplicationScoped
public class RecommendationSqlRepository {

    /**
     * Inserts the candidates as PENDING; a candidate whose (user, target, type, cause) has an open (pending or
     * approved) recommendation is skipped by the partial unique index {@code uq_ai_recommendations_open_cause} (V170).
     */
    static final String INSERT = """
            INSERT INTO ai_recommendations (user_id, crypto_id, target_entity_type, target_entity_id,
                recommendation_type, cause_key, recommendation_title, recommendation_summary, recommendation_payload,
                prediction_id, status, priority_level, expires_at, horizon_ends_at, created_at, updated_at)
            SELECT u.user_id, u.crypto_id, u.target_type, u.target_id, u.rec_type, u.cause_key, u.title, u.summary,
                u.payload::jsonb, u.prediction_id, 'pending', u.priority, u.expires_at, u.horizon_ends_at, $14, $14
            FROM unnest($1::int8[], $2::int8[], $3::text[], $4::int8[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::int8[], $11::text[], $12::timestamptz[], $13::timestamptz[])
                AS u(user_id, crypto_id, target_type, target_id, rec_type, cause_key, title, summary, payload,
                     prediction_id, priority, expires_at, horizon_ends_at)
            ON CONFLICT (user_id, target_entity_type, target_entity_id, recommendation_type, cause_key)
                WHERE status IN ('pending', 'approved') AND cause_key IS NOT NULL
            DO NOTHING""";

    /** $1 now: every pending recommendation whose expiry has passed becomes expired, in one statement. */
    static final String EXPIRE = """
            UPDATE ai_recommendations SET status = 'expired'
            WHERE status = 'pending' AND expires_at <= $1""";

    /** $1 horizon end at or before, $2 limit: recommendations whose outcome is due, oldest horizon first. */
    static final String DUE = """
            SELECT id, crypto_id, created_at, horizon_ends_at, recommendation_payload -> 'plan' AS plan
            FROM ai_recommendations
            WHERE outcome_result IS NULL AND horizon_ends_at IS NOT NULL AND horizon_ends_at <= $1
            ORDER BY horizon_ends_at, id
            LIMIT $2""";

    /**
     * $1 ids, $2 asset ids, $3 from (inclusive candle open), $4 last candle open (inclusive), $5 timeframe: the
     * candles of every due recommendation in one statement.
     */
    static final String CANDLES = """
            SELECT r.id, c.candle_time, c.high_price, c.low_price, c.close_price
            FROM unnest($1::int8[], $2::int8[], $3::timestamptz[], $4::timestamptz[]) AS r(id, crypto_id, from_time, to_time)
            JOIN market_candles c
              ON c.crypto_id = r.crypto_id AND c.timeframe = $5 AND c.candle_time >= r.from_time
             AND c.candle_time <= r.to_time
            ORDER BY r.id, c.candle_time""";

    /** $1 ids, $2 outcomes (JSON text): writes each outcome once. */
    static final String STORE_OUTCOMES = """
            UPDATE ai_recommendations a SET outcome_result = u.outcome::jsonb
            FROM unnest($1::int8[], $2::text[]) AS u(id, outcome)
            WHERE a.id = u.id AND a.outcome_result IS NULL""";

    /** A recommendation whose outcome is due. */
    public record Due(long id, Long cryptoId, Instant createdAt, Instant horizonEndsAt, Map<String, Object> plan) {}

    /** Inserts the candidates (skipping those with an open twin); returns how many were inserted. */
    public Uni<Integer> insert(SqlClient client, List<Candidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = candidates.size();
        Long[] users = new Long[n];
        Long[] assets = new Long[n];
        String[] targetTypes = new String[n];
        Long[] targetIds = new Long[n];
        String[] types = new String[n];
        String[] causes = new String[n];
        String[] titles = new String[n];
        String[] summaries = new String[n];
        String[] payloads = new String[n];
        Long[] predictions = new Long[n];
        String[] priorities = new String[n];
        OffsetDateTime[] expires = new OffsetDateTime[n];
        OffsetDateTime[] horizons = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            users[i] = c.userId();
            assets[i] = c.cryptoId();
            targetTypes[i] = lower(c.targetType());
            targetIds[i] = c.targetId();
            types[i] = lower(c.type());
            causes[i] = c.causeKey();
            titles[i] = c.title();
            summaries[i] = c.summary();
            payloads[i] = new JsonObject(c.payload()).encode();
            predictions[i] = c.predictionId();
            priorities[i] = lower(c.priority());
            expires[i] = odt(c.expiresAt());
            horizons[i] = odt(c.horizonEndsAt());
        }
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {
                    users,
                    assets,
                    targetTypes,
                    targetIds,
                    types,
                    causes,
                    titles,
                    summaries,
                    payloads,
                    predictions,
                    priorities,
                    expires,
                    horizons,
                    odt(now)
                }))
                .map(rows -> rows.rowCount());
    }

    /** Expires every pending recommendation past its expiry; returns how many. */
    public Uni<Integer> expire(SqlClient client, Instant now) {
        return client.preparedQuery(EXPIRE).execute(Tuple.of(odt(now))).map(rows -> rows.rowCount());
    }

    /** At most {@code limit} recommendations whose horizon ended at or before {@code until} and have no outcome. */
    public Uni<List<Due>> due(SqlClient client, Instant until, int limit) {
        return client.preparedQuery(DUE).execute(Tuple.of(odt(until), limit)).map(rows -> {
            List<Due> due = new ArrayList<>();
            for (Row r : rows) {
                Object plan = r.getValue("plan");
                due.add(new Due(
                        r.getLong("id"),
                        r.getLong("crypto_id"),
                        r.getOffsetDateTime("created_at").toInstant(),
                        r.getOffsetDateTime("horizon_ends_at").toInstant(),
                        plan instanceof JsonObject json ? json.getMap() : null));
            }
            return due;
        });
    }

    /**
     * The candles of each due recommendation on {@code timeframe}: opened at or after its creation and closed by the
     * end of its horizon, oldest first, by recommendation id.
     */
    public Uni<Map<Long, List<Candle>>> candles(SqlClient client, List<Due> due, String timeframe, Duration length) {
        List<Due> priced = due.stream().filter(d -> d.cryptoId() != null).toList();
        if (priced.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        int n = priced.size();
        Long[] ids = new Long[n];
        Long[] assets = new Long[n];
        OffsetDateTime[] from = new OffsetDateTime[n];
        OffsetDateTime[] to = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Due d = priced.get(i);
            ids[i] = d.id();
            assets[i] = d.cryptoId();
            from[i] = odt(d.createdAt());
            to[i] = odt(d.horizonEndsAt().minus(length));
        }
        return client.preparedQuery(CANDLES)
                .execute(Tuple.of(ids, assets, from, to, timeframe))
                .map(rows -> {
                    Map<Long, List<Candle>> candles = new LinkedHashMap<>();
                    for (Row r : rows) {
                        candles.computeIfAbsent(r.getLong("id"), k -> new ArrayList<>())
                                .add(new Candle(
                                        r.getOffsetDateTime("candle_time").toInstant(),
                                        r.getBigDecimal("high_price"),
                                        r.getBigDecimal("low_price"),
                                        r.getBigDecimal("close_price")));
                    }
                    return candles;
                });
    }

    /** Writes the outcomes (recommendation id → outcome); returns how many were written. */
    public Uni<Integer> storeOutcomes(SqlClient client, Map<Long, Map<String, Object>> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] ids = outcomes.keySet().toArray(Long[]::new);
        String[] json =
                outcomes.values().stream().map(o -> new JsonObject(o).encode()).toArray(String[]::new);
        return client.preparedQuery(STORE_OUTCOMES).execute(Tuple.of(ids, json)).map(rows -> rows.rowCount());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
