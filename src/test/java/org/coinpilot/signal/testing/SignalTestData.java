package org.coinpilot.signal.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Models, predictions, candles and signals straight through the pool, for the signal tests. */
public final class SignalTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SignalTestData() {}

    /** An active model version (unique name) on {@code timeframe} whose held-out MASE is {@code mase} (null: none). */
    public static long activeModel(Pool pool, String timeframe, Double mase) {
        String name = "sig-test-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        String metrics = mase == null
                ? null
                : new JsonObject()
                        .put("heldOut", new JsonObject().put("mase", mase))
                        .encode();
        return pool.preparedQuery("INSERT INTO ai_models (name, version, architecture, model_type, status, is_active,"
                        + " training_data_timeframe, target_variable, performance_metrics)"
                        + " VALUES ($1, '1', 'regression', 'asset', 'active', true, $2, 'price', $3::text::jsonb)"
                        + " RETURNING id")
                .execute(Tuple.of(name, timeframe, metrics))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    /** A price prediction as the prediction job writes it (the agreed semantics). */
    public static long prediction(
            Pool pool,
            long cryptoId,
            long modelId,
            String predicted,
            String input,
            String confidence,
            int horizon,
            Instant target,
            Instant created) {
        return pool.preparedQuery("INSERT INTO predictions (crypto_id, ai_models_id, prediction_type, predicted_price,"
                        + " predicted_value, confidence_score, prediction_horizon, target_datetime, input_price,"
                        + " accuracy_threshold, created_at, updated_at)"
                        + " VALUES ($1, $2, 'price', $3::text::numeric, $4::text::jsonb, $5::text::numeric, $6, $7,"
                        + " $8::text::numeric, 2, $9, $9) RETURNING id")
                .execute(Tuple.from(new Object[] {
                    cryptoId,
                    modelId,
                    predicted,
                    new JsonObject()
                            .put("lower", "90")
                            .put("upper", "120")
                            .put("level", 0.8)
                            .encode(),
                    confidence,
                    horizon,
                    odt(target),
                    input,
                    odt(created)
                }))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    /** A closed candle with its own high and low. */
    public static void candle(
            Pool pool,
            long cryptoId,
            String timeframe,
            Instant time,
            String open,
            String high,
            String low,
            String close) {
        pool.preparedQuery("INSERT INTO price_data (crypto_id, timeframe, open_price, high_price, low_price,"
                        + " close_price, volume, candle_time) VALUES ($1, $2, $3::text::numeric, $4::text::numeric,"
                        + " $5::text::numeric, $6::text::numeric, 1000, $7)")
                .execute(Tuple.from(new Object[] {cryptoId, timeframe, open, high, low, close, odt(time)}))
                .await()
                .indefinitely();
    }

    /** A recorded gap not filled yet. */
    public static void openGap(Pool pool, long cryptoId, String timeframe, Instant start, Instant end, int missing) {
        pool.preparedQuery("INSERT INTO market_candle_gaps (crypto_id, timeframe, gap_start, gap_end, missing_candles)"
                        + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(cryptoId, timeframe, odt(start), odt(end), missing))
                .await()
                .indefinitely();
    }

    /** The regime classified for {@code day} (replacing any). */
    public static void regime(Pool pool, LocalDate day, String regime) {
        pool.preparedQuery("INSERT INTO market_regime_analysis (observed_on, regime, confidence_score)"
                        + " VALUES ($1, $2, 0.7) ON CONFLICT (observed_on) DO UPDATE SET regime = EXCLUDED.regime")
                .execute(Tuple.of(day, regime))
                .await()
                .indefinitely();
    }

    public static void deleteRegime(Pool pool, LocalDate day) {
        pool.preparedQuery("DELETE FROM market_regime_analysis WHERE observed_on = $1")
                .execute(Tuple.of(day))
                .await()
                .indefinitely();
    }

    /** A signal as the generation job writes it, with the columns scoring reads. */
    public static long signal(
            Pool pool,
            long cryptoId,
            Long modelId,
            String type,
            String entry,
            String target,
            String stop,
            String timeframe,
            Instant inputClose,
            Instant expires,
            String regime) {
        return pool.preparedQuery("INSERT INTO trading_signals (crypto_id, ai_model_id, model_name, model_version,"
                        + " signal_type, entry_price, target_price, stop_loss, timeframe, input_close_time, expires_at,"
                        + " regime, status, created_at, updated_at)"
                        + " VALUES ($1, $2, (SELECT name FROM ai_models WHERE id = $2), '1', $3, $4::text::numeric,"
                        + " $5::text::numeric, $6::text::numeric, $7, $8, $9, $10, 'active', $8, $8) RETURNING id")
                .execute(Tuple.from(new Object[] {
                    cryptoId, modelId, type, entry, target, stop, timeframe, odt(inputClose), odt(expires), regime
                }))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    /** Every column of the signal. */
    public static Row signalRow(Pool pool, long id) {
        return pool.preparedQuery("SELECT * FROM trading_signals WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely()
                .iterator()
                .next();
    }

    /** The asset's signals, oldest first. */
    public static List<Row> signalsOf(Pool pool, long cryptoId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM trading_signals WHERE crypto_id = $1 ORDER BY id")
                .execute(Tuple.of(cryptoId))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    public static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
