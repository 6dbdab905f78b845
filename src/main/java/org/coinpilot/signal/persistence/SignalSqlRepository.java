package org.coinpilot.signal.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based statements of signals on the reactive PG client, on the connection the service hands in: scoring
 * (candles through market's published view {@code market_candles}) and the track record.
 */
@ApplicationScoped
public class SignalSqlRepository {

    /**
     * Scores a batch of due signals (docs/signals.md "Scoring"). $1 = now, $2 = batch size, $3 = only ids above it.
     * Walks the stored candles of each signal's timeframe in order from the close of its last input candle up to its
     * expiry: the first candle whose range reaches the stop or the target decides (the stop when one candle reaches
     * both: conservative); none until the window's last candle: neither, exit at that candle's close. An outcome is
     * recorded only when every candle up to the deciding one is stored (a gap waits until it is filled).
     */
    static final String SCORE = """
WITH due AS (
    SELECT s.id, s.crypto_id, s.timeframe, s.signal_type, s.entry_price, s.target_price, s.stop_loss,
           s.input_close_time, s.expires_at,
           CASE s.timeframe WHEN '1m' THEN interval '1 minute' WHEN '5m' THEN interval '5 minutes'
                WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour' WHEN '4h' THEN interval '4 hours'
                WHEN '1d' THEN interval '1 day' ELSE interval '7 days' END AS tf
    FROM trading_signals s
    WHERE s.scored_at IS NULL AND s.input_close_time IS NOT NULL AND s.status <> 'cancelled'
      AND s.id > $3::int8
      AND s.target_price IS NOT NULL AND s.stop_loss IS NOT NULL AND s.expires_at IS NOT NULL
      AND s.timeframe IS NOT NULL
    ORDER BY s.id
    LIMIT $2::int
),
first_hit AS (
    SELECT d.id, h.candle_time, h.stop_hit
    FROM due d
    CROSS JOIN LATERAL (
        SELECT c.candle_time,
               CASE WHEN d.signal_type = 'long' THEN c.low_price <= d.stop_loss
                    ELSE c.high_price >= d.stop_loss END AS stop_hit
        FROM market_candles c
        WHERE c.crypto_id = d.crypto_id AND c.timeframe = d.timeframe
          AND c.candle_time >= d.input_close_time AND c.candle_time < d.expires_at
          AND CASE WHEN d.signal_type = 'long' THEN c.low_price <= d.stop_loss OR c.high_price >= d.target_price
                   ELSE c.high_price >= d.stop_loss OR c.low_price <= d.target_price END
        ORDER BY c.candle_time
        LIMIT 1) h
),
decided AS (
    SELECT d.id,
           CASE WHEN h.id IS NULL THEN 'neither' WHEN h.stop_hit THEN 'hit_stop' ELSE 'hit_target' END AS outcome,
           CASE WHEN h.id IS NULL THEN l.close_price WHEN h.stop_hit THEN d.stop_loss ELSE d.target_price END AS price,
           coalesce(h.candle_time, l.candle_time) AS candle_time
    FROM due d
    LEFT JOIN first_hit h ON h.id = d.id
    LEFT JOIN LATERAL (SELECT c.candle_time, c.close_price FROM market_candles c
                       WHERE h.id IS NULL AND c.crypto_id = d.crypto_id AND c.timeframe = d.timeframe
                         AND c.candle_time = d.expires_at - d.tf) l ON true
    WHERE (h.id IS NOT NULL OR l.candle_time IS NOT NULL)
      AND (SELECT count(*) FROM market_candles c
           WHERE c.crypto_id = d.crypto_id AND c.timeframe = d.timeframe
             AND c.candle_time >= d.input_close_time AND c.candle_time <= coalesce(h.candle_time, l.candle_time))
          = floor(extract(epoch FROM coalesce(h.candle_time, l.candle_time) - d.input_close_time)
                  / extract(epoch FROM d.tf))::bigint + 1
),
scored AS (
    UPDATE trading_signals s
    SET outcome = x.outcome, outcome_price = x.price, outcome_candle_time = x.candle_time,
        outcome_return_pct = round((x.price - s.entry_price) * 100 / s.entry_price
                                   * CASE WHEN s.signal_type = 'long' THEN 1 ELSE -1 END, 4),
        scored_at = $1::timestamptz, updated_at = $1::timestamptz,
        status = CASE WHEN x.outcome <> 'neither' AND s.status IN ('active', 'expired') THEN 'executed'
                      ELSE s.status END
    FROM decided x
    WHERE s.id = x.id AND s.scored_at IS NULL AND s.status <> 'cancelled'
    RETURNING s.id
)
SELECT (SELECT count(*) FROM due) AS due, (SELECT count(*) FROM scored) AS scored, (SELECT max(id) FROM due) AS last_id""";

    /** The track record: scored signals by model version, and by model version and regime at creation. */
    static final String PERFORMANCE = """
            SELECT ai_model_id, model_name, model_version, regime, GROUPING(regime) AS all_regimes,
                   count(*) AS signals,
                   count(*) FILTER (WHERE outcome = 'hit_target') AS hit_target,
                   count(*) FILTER (WHERE outcome = 'hit_stop') AS hit_stop,
                   count(*) FILTER (WHERE outcome = 'neither') AS neither,
                   count(*) FILTER (WHERE outcome_return_pct > 0) AS positive,
                   round(avg(outcome_return_pct), 4) AS average_return
            FROM trading_signals
            WHERE scored_at IS NOT NULL
            GROUP BY GROUPING SETS ((ai_model_id, model_name, model_version),
                                    (ai_model_id, model_name, model_version, regime))
            ORDER BY model_name NULLS LAST, model_version NULLS LAST, ai_model_id NULLS LAST,
                     GROUPING(regime) DESC, regime NULLS LAST""";

    /** What one scoring statement did. */
    public record ScoreBatch(long due, long scored, Long lastId) {}

    /** One row of the track record; {@code allRegimes}: the model's total over every regime. */
    public record PerformanceRow(
            Long modelId,
            String modelName,
            String modelVersion,
            String regime,
            boolean allRegimes,
            long signals,
            long hitTarget,
            long hitStop,
            long neither,
            long positive,
            BigDecimal averageReturn) {}

    /** Scores up to {@code batch} due signals with an id above {@code afterId}, in the caller's transaction. */
    public Uni<ScoreBatch> score(SqlConnection connection, Instant now, int batch, long afterId) {
        return connection
                .preparedQuery(SCORE)
                .execute(Tuple.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), batch, afterId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ScoreBatch(row.getLong("due"), row.getLong("scored"), row.getLong("last_id"));
                });
    }

    /** The track record by model version, and by model version and regime. */
    public Uni<List<PerformanceRow>> performance(SqlClient client) {
        return client.query(PERFORMANCE).execute().map(rows -> {
            List<PerformanceRow> list = new ArrayList<>(rows.size());
            for (Row row : rows) {
                list.add(new PerformanceRow(
                        row.getLong("ai_model_id"),
                        row.getString("model_name"),
                        row.getString("model_version"),
                        row.getString("regime"),
                        row.getInteger("all_regimes") == 1,
                        row.getLong("signals"),
                        row.getLong("hit_target"),
                        row.getLong("hit_stop"),
                        row.getLong("neither"),
                        row.getLong("positive"),
                        row.getBigDecimal("average_return")));
            }
            return list;
        });
    }
}
