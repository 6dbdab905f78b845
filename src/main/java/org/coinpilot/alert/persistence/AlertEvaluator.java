package org.coinpilot.alert.persistence;

import org.coinpilot.alert.domain.AlertType;

/**
 * The evaluation of one alert type: a single set-based SQL statement (docs/alerts.md "Evaluation") with one
 * parameter, {@code $1 = now} (timestamptz), that
 *
 * <ol>
 *   <li>finds the series (asset, timeframe) of the type's armed alerts and their latest stored candles,
 *   <li>upserts {@code alert_series_checks} (when the series was last checked),
 *   <li>UPDATEs the armed alerts whose condition holds on the latest candle (guarded by {@code last_fired_candle <
 *       candle_time}, which makes racing passes fire once), and
 *   <li>INSERTs their notifications ({@code ON CONFLICT (idempotency_key) DO NOTHING}) in a CTE,
 * </ol>
 *
 * <p>and returns one row {@code (fired, notified, series)}. The same text runs through psql ({@code PREPARE pass
 * (timestamptz) AS …; EXECUTE pass(now())}), which is what the benchmark compares the application pass with.
 *
 * <p>A new type (e.g. {@code signal_generated}) is one more bean implementing this interface; the evaluation
 * service runs every bean it finds.
 */
public interface AlertEvaluator {

    /** The alert type this statement evaluates. */
    AlertType type();

    /** The statement; {@code $1} is now (and, when {@link #sharded()}, {@code $2} the shard, {@code $3} the shards). */
    String sql();

    /**
     * Whether the statement takes {@code $2 = shard} and {@code $3 = shards} (int) and evaluates only the series with
     * {@code crypto_id % shards = shard}, so that the pass can run it as several statements in parallel, each on its
     * own connection and in its own transaction. Exactly once still holds: the guard is per alert row.
     */
    default boolean sharded() {
        return false;
    }
}
