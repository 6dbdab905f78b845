package org.coinpilot.prediction.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Fixtures of the scoring tests: model versions and prediction rows written as the prediction job writes them. */
public final class PredictionTestData {

    private PredictionTestData() {}

    /** A registered version of timeframe {@code timeframe}; {@code active} makes it the active one of its name. */
    public static long model(Pool pool, String prefix, String timeframe, boolean active) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return pool.preparedQuery("INSERT INTO ai_models (name, version, architecture, model_type, status, is_active,"
                        + " training_data_timeframe, target_variable) VALUES ($1, 'v1', 'baseline', 'asset', $2, $3,"
                        + " $4, 'price') RETURNING id")
                .execute(Tuple.of(name, active ? "active" : "inactive", active, timeframe))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    /**
     * A price prediction: {@code predicted} for the candle closing at {@code target}, made at {@code createdAt} from
     * {@code input} (the last input close), with confidence and accuracy threshold (percent; null: none). A second
     * prediction of the same version, asset and target gets the next horizon (one prediction per version, asset,
     * horizon and target, V151); scoring reads the target candle, not the horizon.
     */
    public static long prediction(
            Pool pool,
            long cryptoId,
            long modelId,
            Instant createdAt,
            Instant target,
            String input,
            String predicted,
            String confidence,
            String threshold) {
        return pool.preparedQuery("INSERT INTO predictions (crypto_id, ai_models_id, prediction_type, predicted_price,"
                        + " confidence_score, prediction_horizon, target_datetime, input_price, accuracy_threshold,"
                        + " created_at, updated_at) VALUES ($1, $2, 'price', $3::text::numeric, $4::text::numeric,"
                        + " (SELECT 1 + count(*) FROM predictions WHERE ai_models_id = $2 AND crypto_id = $1"
                        + " AND target_datetime = $5), $5,"
                        + " $6::text::numeric, $7::text::numeric, $8, $8) RETURNING id")
                .execute(Tuple.tuple()
                        .addLong(cryptoId)
                        .addLong(modelId)
                        .addString(predicted)
                        .addString(confidence)
                        .addValue(odt(target))
                        .addString(input)
                        .addString(threshold)
                        .addValue(odt(createdAt)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    public static Row row(Pool pool, long predictionId) {
        return pool.preparedQuery("SELECT * FROM predictions WHERE id = $1")
                .execute(Tuple.of(predictionId))
                .await()
                .indefinitely()
                .iterator()
                .next();
    }

    /** Classifies {@code day}'s regime (replacing what a day had). */
    public static void regime(Pool pool, LocalDate day, String regime) {
        pool.preparedQuery("DELETE FROM market_regime_analysis WHERE observed_on = $1")
                .execute(Tuple.of(day))
                .await()
                .indefinitely();
        pool.preparedQuery(
                        "INSERT INTO market_regime_analysis (observed_on, regime, confidence_score) VALUES ($1, $2, 0.8)")
                .execute(Tuple.of(day, regime))
                .await()
                .indefinitely();
    }

    public static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
