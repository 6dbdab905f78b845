package org.coinpilot.prediction.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Set-based scoring of {@code predictions} and the scorecards of {@code model_performance} (docs/predictions.md
 * "Scoring"). Candles are read through market's published view {@code market_candles} only. The service passes the
 * client (one statement, or the connection of its transaction).
 */
@ApplicationScoped
public class ScoringSqlRepository {

    /** The open time of the candle that closes at {@code target_datetime}: target − one candle of the timeframe. */
    static final String TARGET_CANDLE_TIME = """
            p.target_datetime - CASE m.training_data_timeframe
                WHEN '1m' THEN interval '1 minute' WHEN '5m' THEN interval '5 minutes'
                WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour'
                WHEN '4h' THEN interval '4 hours' WHEN '1d' THEN interval '1 day'
                WHEN '1w' THEN interval '7 days' END""";

    /**
     * Scores the next batch of due predictions: the $2 candidates after the key ($3 target time, $4 id) in (target
     * time, id) order — target time at or before $1 (now), not yet realized, with a predicted price; read from the
     * partial index on unrealized target times, so a batch costs its own size whatever is left — of which those whose
     * stored (closed) candle of the model's timeframe closes at the target time are scored; never from another candle.
     * Candidates without their candle are passed over (they wait for a later run), so the caller continues from the
     * last candidate's key until a batch has fewer than $2 candidates. accuracy_percentage = 100 × (1 − |a − p| / a),
     * floored at 0, 4 decimals; is_accurate when |a − p| / a × 100 ≤ accuracy_threshold (compared exactly as
     * |a − p| × 100 ≤ threshold × a), null without a threshold. Rows a concurrent run holds are skipped (SKIP LOCKED)
     * and locked ones re-checked, so no prediction is scored twice. The candle is probed per candidate (LATERAL with
     * LIMIT 1, so the planner keeps it a probe of the unique candle index), never a scan of every candle.
     */
    static final String SCORE_BATCH = """
            WITH candidates AS (
                SELECT p.id, p.target_datetime, p.crypto_id, p.ai_models_id
                FROM predictions p
                WHERE NOT p.is_realized
                  AND p.target_datetime <= $1
                  AND p.predicted_price IS NOT NULL
                  AND (p.target_datetime, p.id) > ($3, $4)
                ORDER BY p.target_datetime, p.id
                LIMIT $2
                FOR UPDATE OF p SKIP LOCKED
            ),
            due AS (
                SELECT p.id, c.close_price AS actual
                FROM candidates p
                JOIN ai_models m ON m.id = p.ai_models_id
                CROSS JOIN LATERAL (
                    SELECT c.close_price FROM market_candles c
                    WHERE c.crypto_id = p.crypto_id
                      AND c.timeframe = m.training_data_timeframe
                      AND c.candle_time = """ + TARGET_CANDLE_TIME + """

                    LIMIT 1) c
            ),
            scored AS (
                UPDATE predictions p
                SET actual_price = d.actual,
                    absolute_error = abs(d.actual - p.predicted_price),
                    squared_error = (d.actual - p.predicted_price) * (d.actual - p.predicted_price),
                    accuracy_percentage = greatest(0, round(100 * (1 - abs(d.actual - p.predicted_price) / d.actual), 4)),
                    is_accurate = CASE WHEN p.accuracy_threshold IS NULL THEN NULL
                                       ELSE abs(d.actual - p.predicted_price) * 100 <= p.accuracy_threshold * d.actual END,
                    is_realized = true,
                    evaluated_at = $1
                FROM due d
                WHERE p.id = d.id
                RETURNING 1
            ),
            last AS (
                SELECT target_datetime, id FROM candidates ORDER BY target_datetime DESC, id DESC LIMIT 1
            )
            SELECT (SELECT count(*) FROM candidates) AS examined,
                   (SELECT count(*) FROM scored) AS scored,
                   (SELECT target_datetime FROM last) AS last_target,
                   (SELECT id FROM last) AS last_id""";

    /** The key before every prediction: batches start after it. */
    public static final Key FIRST = new Key(Instant.parse("0001-01-01T00:00:00Z"), 0L);

    /** A position in (target time, id) order. */
    public record Key(Instant target, long id) {}

    /** What one batch did: candidates examined, predictions scored, the key to continue after (null: none). */
    public record Batch(long examined, long scored, Key last) {}

    /**
     * What stays unscored after a run: due predictions (target at or before $1) that are scorable but whose candle is
     * not stored (waiting), and those that can never be scored here (no predicted price, no asset, no model version
     * or a version without a timeframe).
     */
    static final String WAITING = """
            SELECT count(*) FILTER (WHERE scorable) AS waiting,
                   min(p.target_datetime) FILTER (WHERE scorable) AS oldest_waiting,
                   count(*) FILTER (WHERE NOT scorable) AS unscorable
            FROM (SELECT p.target_datetime,
                         (p.predicted_price IS NOT NULL AND p.crypto_id IS NOT NULL
                          AND m.training_data_timeframe IS NOT NULL) AS scorable
                  FROM predictions p
                  LEFT JOIN ai_models m ON m.id = p.ai_models_id
                  WHERE NOT p.is_realized AND p.target_datetime <= $1) p""";

    /** The UTC days of creation of the realized predictions of a window (target in ($2, $1]; $2 null: all). */
    static final String CREATED_DAYS = """
            SELECT min(created_at AT TIME ZONE 'UTC')::date AS first_day,
                   max(created_at AT TIME ZONE 'UTC')::date AS last_day
            FROM predictions
            WHERE is_realized AND ai_models_id IS NOT NULL AND actual_price IS NOT NULL
              AND target_datetime <= $1 AND ($2::timestamptz IS NULL OR target_datetime > $2)""";

    /**
     * The sums of a scorecard per model version, per version × asset, per version × regime and per version ×
     * confidence bucket, in one statement (GROUPING SETS). The regime of a prediction is that of the day before its
     * creation day, from the days $3 and regimes $4 the service read from macro; 'unknown' when unclassified. $5: the
     * number of equal-width confidence buckets. A direction is called when the prediction differs from its input
     * price (the naive forecast) and counted when the price moved; a hit when both go the same way.
     */
    static final String AGGREGATES = """
            WITH regimes AS (
                SELECT * FROM unnest($3::date[], $4::text[]) AS r(day, regime)
            ),
            scored AS (
                SELECT p.ai_models_id AS model_id, p.crypto_id, p.target_datetime, p.input_price, p.actual_price,
                       p.absolute_error, p.squared_error, p.confidence_score, p.is_accurate,
                       m.training_data_timeframe AS timeframe,
                       coalesce(r.regime, 'unknown') AS regime,
                       sign(p.predicted_price - p.input_price) AS called,
                       sign(p.actual_price - p.input_price) AS moved,
                       least(floor(p.confidence_score * $5)::int, $5 - 1) AS bucket
                FROM predictions p
                JOIN ai_models m ON m.id = p.ai_models_id
                LEFT JOIN regimes r ON r.day = (p.created_at AT TIME ZONE 'UTC')::date - 1
                WHERE p.is_realized AND p.actual_price IS NOT NULL AND p.absolute_error IS NOT NULL
                  AND p.target_datetime <= $1 AND ($2::timestamptz IS NULL OR p.target_datetime > $2)
            )
            SELECT model_id, crypto_id, regime, bucket,
                   GROUPING(crypto_id) = 0 AS by_asset, GROUPING(regime) = 0 AS by_regime,
                   GROUPING(bucket) = 0 AS by_bucket,
                   max(timeframe) AS timeframe,
                   count(*) AS n,
                   sum(absolute_error) AS sum_abs,
                   sum(squared_error) AS sum_sq,
                   sum(absolute_error / actual_price) AS sum_rel,
                   count(input_price) AS n_naive,
                   sum(absolute_error) FILTER (WHERE input_price IS NOT NULL) AS sum_abs_naive_rows,
                   sum(abs(input_price - actual_price)) AS sum_naive_abs,
                   count(*) FILTER (WHERE called <> 0 AND moved <> 0) AS n_dir,
                   count(*) FILTER (WHERE called <> 0 AND called = moved) AS hits,
                   count(*) FILTER (WHERE confidence_score IS NOT NULL AND is_accurate IS NOT NULL) AS n_conf,
                   avg(confidence_score) FILTER (WHERE is_accurate IS NOT NULL) AS mean_conf,
                   avg(CASE WHEN is_accurate THEN 1 ELSE 0 END)
                       FILTER (WHERE confidence_score IS NOT NULL AND is_accurate IS NOT NULL) AS observed,
                   avg((confidence_score - CASE WHEN is_accurate THEN 1 ELSE 0 END) ^ 2)
                       FILTER (WHERE is_accurate IS NOT NULL) AS brier,
                   min(target_datetime) AS first_target,
                   max(target_datetime) AS last_target
            FROM scored
            GROUP BY GROUPING SETS ((model_id), (model_id, crypto_id), (model_id, regime), (model_id, bucket))
            ORDER BY model_id, crypto_id NULLS FIRST, regime NULLS FIRST, bucket NULLS FIRST""";

    /** Writes (or rewrites) the scorecard of (version, window, as-of): the job is idempotent per as-of. */
    static final String UPSERT_SCORECARD = """
            INSERT INTO model_performance (model_id, evaluation_metric, metric_value, evaluation_data_range,
                                           evaluation_data_timeframe, evaluated_predictions_count, detailed_metrics,
                                           evaluation_date, evaluation_window, as_of, breakdown, reliability,
                                           created_at, updated_at)
            VALUES ($1, 'scorecard', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $7, $7)
            ON CONFLICT (model_id, evaluation_window, as_of) WHERE evaluation_window IS NOT NULL
            DO UPDATE SET metric_value = EXCLUDED.metric_value,
                          evaluation_data_range = EXCLUDED.evaluation_data_range,
                          evaluation_data_timeframe = EXCLUDED.evaluation_data_timeframe,
                          evaluated_predictions_count = EXCLUDED.evaluated_predictions_count,
                          detailed_metrics = EXCLUDED.detailed_metrics,
                          evaluation_date = EXCLUDED.evaluation_date,
                          breakdown = EXCLUDED.breakdown,
                          reliability = EXCLUDED.reliability""";

    static final String SCORECARD_COLUMNS = """
            mp.model_id, mp.evaluation_window, mp.as_of, mp.evaluation_date, mp.evaluation_data_range,
            mp.evaluation_data_timeframe, mp.evaluated_predictions_count, mp.detailed_metrics, mp.breakdown,
            mp.reliability""";

    /**
     * The active versions with the newest scorecard of window $1 (none: null columns), by MASE (lowest first; versions
     * without one last), then name; at most $2.
     */
    static final String LEADERBOARD = """
            SELECT m.id, m.name, m.version, m.model_type, m.training_data_timeframe, mp.metric_value AS mase,
                   """ + SCORECARD_COLUMNS + """

            FROM ai_models m
            LEFT JOIN LATERAL (
                SELECT * FROM model_performance s
                WHERE s.model_id = m.id AND s.evaluation_window = $1
                ORDER BY s.as_of DESC
                LIMIT 1) mp ON true
            WHERE m.is_active
            ORDER BY mp.metric_value ASC NULLS LAST, mp.evaluated_predictions_count DESC NULLS LAST, m.name, m.id
            LIMIT $2""";

    /** The scorecards of version $1 (window $2, null: every window), newest as-of first, at most $3. */
    static final String SCORECARDS = "SELECT " + SCORECARD_COLUMNS + """

            FROM model_performance mp
            WHERE mp.model_id = $1 AND mp.evaluation_window IS NOT NULL
              AND ($2::text IS NULL OR mp.evaluation_window = $2)
            ORDER BY mp.as_of DESC, mp.evaluation_window
            LIMIT $3""";

    static final String MODEL_EXISTS = "SELECT 1 FROM ai_models WHERE id = $1";

    /** What stays unscored after a run. */
    public record Waiting(long waiting, Instant oldestWaiting, long unscorable) {}

    /** The UTC creation days of a window's predictions (both null when it has none). */
    public record Days(LocalDate first, LocalDate last) {}

    /** One group of {@link #AGGREGATES}; {@code cryptoId}, {@code regime}, {@code bucket} set by its kind. */
    public record Aggregate(
            long modelId,
            Kind kind,
            Long cryptoId,
            String regime,
            Integer bucket,
            String timeframe,
            long count,
            BigDecimal sumAbs,
            BigDecimal sumSquared,
            BigDecimal sumRelative,
            long naiveCount,
            BigDecimal sumAbsNaiveRows,
            BigDecimal sumNaiveAbs,
            long directionalCount,
            long hits,
            long confidenceCount,
            BigDecimal meanConfidence,
            BigDecimal observedAccuracy,
            BigDecimal brier,
            Instant firstTarget,
            Instant lastTarget) {

        public enum Kind {
            MODEL,
            ASSET,
            REGIME,
            BUCKET
        }
    }

    /** A stored scorecard (jsonb columns as maps / lists). */
    public record Scorecard(
            long modelId,
            String window,
            Instant asOf,
            Instant evaluatedAt,
            Map<String, Object> range,
            String timeframe,
            int count,
            Map<String, Object> metrics,
            Map<String, Object> breakdown,
            List<Object> reliability) {}

    /** A leaderboard line: an active version and its newest scorecard of the window (null when none). */
    public record Line(long modelId, String name, String version, String modelType, String timeframe, Scorecard card) {}

    /** Scores the batch of {@code limit} candidates after {@code after}. */
    public Uni<Batch> scoreBatch(SqlClient client, Instant now, int limit, Key after) {
        return client.preparedQuery(SCORE_BATCH)
                .execute(Tuple.of(odt(now), limit, odt(after.target()), after.id()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime last = row.getOffsetDateTime("last_target");
                    return new Batch(
                            row.getLong("examined"),
                            row.getLong("scored"),
                            last == null ? null : new Key(last.toInstant(), row.getLong("last_id")));
                });
    }

    public Uni<Waiting> waiting(SqlClient client, Instant now) {
        return client.preparedQuery(WAITING).execute(Tuple.of(odt(now))).map(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest_waiting");
            return new Waiting(
                    row.getLong("waiting"), oldest == null ? null : oldest.toInstant(), row.getLong("unscorable"));
        });
    }

    public Uni<Days> createdDays(SqlClient client, Instant asOf, Instant since) {
        return client.preparedQuery(CREATED_DAYS)
                .execute(Tuple.of(odt(asOf), since == null ? null : odt(since)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Days(row.getLocalDate("first_day"), row.getLocalDate("last_day"));
                });
    }

    /** The groups of a window's scorecards; {@code days}/{@code regimes} are parallel arrays (macro's regimes). */
    public Uni<List<Aggregate>> aggregates(
            SqlClient client, Instant asOf, Instant since, LocalDate[] days, String[] regimes, int buckets) {
        Tuple params = Tuple.tuple()
                .addValue(odt(asOf))
                .addValue(since == null ? null : odt(since))
                .addValue(days)
                .addValue(regimes)
                .addInteger(buckets);
        return client.preparedQuery(AGGREGATES).execute(params).map(rows -> {
            List<Aggregate> list = new ArrayList<>();
            for (Row row : rows) {
                Aggregate.Kind kind = row.getBoolean("by_asset")
                        ? Aggregate.Kind.ASSET
                        : row.getBoolean("by_regime")
                                ? Aggregate.Kind.REGIME
                                : row.getBoolean("by_bucket") ? Aggregate.Kind.BUCKET : Aggregate.Kind.MODEL;
                list.add(new Aggregate(
                        row.getLong("model_id"),
                        kind,
                        row.getLong("crypto_id"),
                        row.getString("regime"),
                        row.getInteger("bucket"),
                        row.getString("timeframe"),
                        row.getLong("n"),
                        row.getBigDecimal("sum_abs"),
                        row.getBigDecimal("sum_sq"),
                        row.getBigDecimal("sum_rel"),
                        row.getLong("n_naive"),
                        row.getBigDecimal("sum_abs_naive_rows"),
                        row.getBigDecimal("sum_naive_abs"),
                        row.getLong("n_dir"),
                        row.getLong("hits"),
                        row.getLong("n_conf"),
                        row.getBigDecimal("mean_conf"),
                        row.getBigDecimal("observed"),
                        row.getBigDecimal("brier"),
                        row.getOffsetDateTime("first_target").toInstant(),
                        row.getOffsetDateTime("last_target").toInstant()));
            }
            return list;
        });
    }

    /** A scorecard to write. */
    public record NewScorecard(
            long modelId,
            BigDecimal mase,
            Map<String, Object> range,
            String timeframe,
            int count,
            Map<String, Object> metrics,
            String window,
            Instant asOf,
            Map<String, Object> breakdown,
            List<Map<String, Object>> reliability) {}

    /** Upserts the scorecards (one batch of statements). */
    public Uni<Integer> upsert(SqlClient client, List<NewScorecard> cards, Instant evaluatedAt) {
        if (cards.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> batch = new ArrayList<>();
        for (NewScorecard card : cards) {
            batch.add(Tuple.tuple()
                    .addLong(card.modelId())
                    .addValue(card.mase())
                    .addValue(new JsonObject(card.range()))
                    .addString(card.timeframe())
                    .addInteger(card.count())
                    .addValue(new JsonObject(card.metrics()))
                    .addValue(odt(evaluatedAt))
                    .addString(card.window())
                    .addValue(odt(card.asOf()))
                    .addValue(new JsonObject(card.breakdown()))
                    .addValue(new JsonArray(new ArrayList<>(card.reliability()))));
        }
        return client.preparedQuery(UPSERT_SCORECARD).executeBatch(batch).replaceWith(cards.size());
    }

    public Uni<List<Line>> leaderboard(SqlClient client, String window, int limit) {
        return client.preparedQuery(LEADERBOARD)
                .execute(Tuple.of(window, limit))
                .map(rows -> {
                    List<Line> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(new Line(
                                row.getLong("id"),
                                row.getString("name"),
                                row.getString("version"),
                                row.getString("model_type"),
                                row.getString("training_data_timeframe"),
                                row.getValue("as_of") == null ? null : scorecard(row)));
                    }
                    return lines;
                });
    }

    public Uni<Boolean> modelExists(SqlClient client, long modelId) {
        return client.preparedQuery(MODEL_EXISTS).execute(Tuple.of(modelId)).map(rows -> rows.size() > 0);
    }

    public Uni<List<Scorecard>> scorecards(SqlClient client, long modelId, String window, int limit) {
        return client.preparedQuery(SCORECARDS)
                .execute(Tuple.of(modelId, window, limit))
                .map(rows -> {
                    List<Scorecard> cards = new ArrayList<>();
                    for (Row row : rows) {
                        cards.add(scorecard(row));
                    }
                    return cards;
                });
    }

    private static Scorecard scorecard(Row row) {
        return new Scorecard(
                row.getLong("model_id"),
                row.getString("evaluation_window"),
                row.getOffsetDateTime("as_of").toInstant(),
                row.getOffsetDateTime("evaluation_date").toInstant(),
                map(row.getValue("evaluation_data_range")),
                row.getString("evaluation_data_timeframe"),
                row.getInteger("evaluated_predictions_count"),
                map(row.getValue("detailed_metrics")),
                map(row.getValue("breakdown")),
                row.getValue("reliability") instanceof JsonArray array ? array.getList() : List.of());
    }

    private static Map<String, Object> map(Object json) {
        return json instanceof JsonObject object ? object.getMap() : Map.of();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
