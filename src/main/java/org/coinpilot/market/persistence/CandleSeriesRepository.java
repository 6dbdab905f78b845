package org.coinpilot.market.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.time.Timeframe;

/**
 * Whole candle series as columns, and the bulk write of their {@code technical_indicators}, for the indicators
 * feature (through {@code market.service.CandleSeriesService}). Set-based SQL on the client the service hands in, like
 * {@link CandleRepository}; each statement is atomic on its own.
 *
 * <p>The reset of stale indicator values when candles change is done by the database (migration V040), so every
 * writer of {@code price_data} is covered.
 */
@ApplicationScoped
public class CandleSeriesRepository {

    /** One bulk statement per batch; a row is written only if it is still pending and unchanged since it was read. */
    static final String STORE_INDICATORS = """
            UPDATE price_data p SET technical_indicators = v.ti::jsonb
            FROM unnest($1::int8[], $2::timestamptz[], $3::text[]) AS v(id, version, ti)
            WHERE p.id = v.id AND p.updated_at = v.version AND p.technical_indicators IS NULL
            RETURNING p.crypto_id""";

    /** A series with pending (NULL) indicator values, and the time of its oldest pending candle. */
    public record PendingSeries(long cryptoId, Timeframe timeframe, Instant since, long pending) {}

    /** One candle of a series; {@code id}/{@code version} are null for archived candles. */
    public record SeriesRow(
            Long id,
            OffsetDateTime version,
            Instant time,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume,
            BigDecimal baseVolume,
            boolean pending) {}

    /** Every series with at least one live candle whose indicators are NULL. */
    public Uni<List<PendingSeries>> pendingSeries(SqlClient client) {
        return client.query("""
                        SELECT crypto_id, timeframe, min(candle_time) AS since, count(*) AS pending FROM price_data
                        WHERE technical_indicators IS NULL GROUP BY crypto_id, timeframe ORDER BY crypto_id, timeframe""").execute().map(rows -> {
            List<PendingSeries> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(new PendingSeries(
                        row.getLong("crypto_id"),
                        Timeframe.fromCode(row.getString("timeframe")),
                        CandleRepository.instant(row, "since"),
                        row.getLong("pending")));
            }
            return list;
        });
    }

    /**
     * The whole series from its first stored candle (live and archived; a candle in both is read once, from
     * {@code price_data}) up to {@code to} (exclusive; null: all), oldest first.
     */
    public Uni<List<SeriesRow>> series(SqlClient client, long cryptoId, Timeframe timeframe, Instant to) {
        return client.preparedQuery("""
                        SELECT DISTINCT ON (candle_time) * FROM (
                            SELECT id, updated_at, candle_time, open_price, high_price, low_price, close_price, volume,
                                   base_volume, technical_indicators IS NULL AS pending, 0 AS source
                            FROM price_data
                            WHERE crypto_id = $1 AND timeframe = $2 AND ($3::timestamptz IS NULL OR candle_time < $3)
                            UNION ALL
                            SELECT NULL, NULL, candle_time, open_price, high_price, low_price, close_price, volume,
                                   base_volume, false, 1 AS source
                            FROM price_data_archive
                            WHERE crypto_id = $1 AND timeframe = $2 AND ($3::timestamptz IS NULL OR candle_time < $3)
                        ) u ORDER BY candle_time, source""")
                .execute(Tuple.of(cryptoId, timeframe.code(), CandleRepository.odt(to)))
                .map(rows -> {
                    List<SeriesRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new SeriesRow(
                                row.getLong("id"),
                                row.getOffsetDateTime("updated_at"),
                                CandleRepository.instant(row, "candle_time"),
                                row.getBigDecimal("open_price"),
                                row.getBigDecimal("high_price"),
                                row.getBigDecimal("low_price"),
                                row.getBigDecimal("close_price"),
                                row.getBigDecimal("volume"),
                                row.getBigDecimal("base_volume"),
                                row.getBoolean("pending")));
                    }
                    return list;
                });
    }

    /**
     * Writes one batch of indicator objects (JSON text) in one statement; returns the asset of each row written (one
     * element per row).
     */
    public Uni<List<Long>> storeIndicators(SqlClient client, Long[] ids, OffsetDateTime[] versions, String[] json) {
        if (ids.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(STORE_INDICATORS)
                .execute(Tuple.of(ids, versions, json))
                .map(rows -> {
                    List<Long> assets = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        assets.add(row.getLong("crypto_id"));
                    }
                    return assets;
                });
    }
}
