package org.coinpilot.sector.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.time.Timeframe;

/**
 * The price moves the performance job needs, read from market's published view {@code market_candles} in ONE
 * statement for any number of assets: the latest candle of a timeframe, the closes exactly 24 h, 7 d and 30 d
 * before it, and the USD volume of the 24 h up to it and of the 24 h before. Each look-up is an index range scan of
 * market's candle key (the view is flattened into the statement).
 */
@ApplicationScoped
public class SectorMarketRepository {

    /** $1 asset ids, $2 timeframe, $3 candles per 24 h. */
    static final String MOVES = """
            SELECT a.id, l.candle_time, l.close_price, d1.close_price AS close_24h, d7.close_price AS close_7d,
                   d30.close_price AS close_30d, v.volume AS volume_24h, v.candles AS candles_24h,
                   p.volume AS volume_prev, p.candles AS candles_prev
            FROM unnest($1::int8[]) AS a(id)
            JOIN LATERAL (SELECT c.candle_time, c.close_price FROM market_candles c
                          WHERE c.crypto_id = a.id AND c.timeframe = $2
                          ORDER BY c.candle_time DESC LIMIT 1) l ON true
            LEFT JOIN LATERAL (SELECT c.close_price FROM market_candles c
                               WHERE c.crypto_id = a.id AND c.timeframe = $2
                                 AND c.candle_time = l.candle_time - interval '24 hours') d1 ON true
            LEFT JOIN LATERAL (SELECT c.close_price FROM market_candles c
                               WHERE c.crypto_id = a.id AND c.timeframe = $2
                                 AND c.candle_time = l.candle_time - interval '7 days') d7 ON true
            LEFT JOIN LATERAL (SELECT c.close_price FROM market_candles c
                               WHERE c.crypto_id = a.id AND c.timeframe = $2
                                 AND c.candle_time = l.candle_time - interval '30 days') d30 ON true
            LEFT JOIN LATERAL (SELECT sum(c.volume) AS volume, count(c.volume) AS candles FROM market_candles c
                               WHERE c.crypto_id = a.id AND c.timeframe = $2
                                 AND c.candle_time > l.candle_time - interval '24 hours'
                                 AND c.candle_time <= l.candle_time) v ON true
            LEFT JOIN LATERAL (SELECT sum(c.volume) AS volume, count(c.volume) AS candles FROM market_candles c
                               WHERE c.crypto_id = a.id AND c.timeframe = $2
                                 AND c.candle_time > l.candle_time - interval '48 hours'
                                 AND c.candle_time <= l.candle_time - interval '24 hours') p ON true""";

    /** Active, supported assets (market's published view) that have no sector yet, by id. */
    static final String UNMAPPED = """
            SELECT a.id FROM market_assets a
            WHERE a.is_active AND a.is_supported
              AND NOT EXISTS (SELECT 1 FROM crypto_sector_mapping m WHERE m.crypto_id = a.id)
            ORDER BY a.id""";

    /** Active, supported assets without a sector (supported assets are the ingested few, not the whole catalogue). */
    public Uni<List<Long>> unmappedSupportedAssets(SqlClient client) {
        return client.preparedQuery(UNMAPPED).execute().map(rows -> {
            List<Long> ids = new ArrayList<>(rows.size());
            rows.forEach(r -> ids.add(r.getLong("id")));
            return ids;
        });
    }

    /**
     * The latest candle of an asset and the references its moves are computed from; a volume is null unless all
     * the window's candles are stored with one.
     */
    public record MoveRow(
            long cryptoId,
            Instant candleTime,
            BigDecimal close,
            BigDecimal close24h,
            BigDecimal close7d,
            BigDecimal close30d,
            BigDecimal volume24h,
            BigDecimal volumePrev24h) {}

    /** Assets without a candle on {@code timeframe} are left out. */
    public Uni<List<MoveRow>> moves(SqlClient client, List<Long> ids, Timeframe timeframe) {
        long perDay = 86_400L / timeframe.duration().toSeconds();
        return client.preparedQuery(MOVES)
                .execute(Tuple.of(ids.toArray(Long[]::new), timeframe.code()))
                .map(rows -> {
                    List<MoveRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new MoveRow(
                                row.getLong("id"),
                                row.getOffsetDateTime("candle_time").toInstant(),
                                row.getBigDecimal("close_price"),
                                row.getBigDecimal("close_24h"),
                                row.getBigDecimal("close_7d"),
                                row.getBigDecimal("close_30d"),
                                complete(row, "volume_24h", "candles_24h", perDay),
                                complete(row, "volume_prev", "candles_prev", perDay)));
                    }
                    return list;
                });
    }

    private static BigDecimal complete(Row row, String volume, String candles, long perDay) {
        Long count = row.getLong(candles);
        return count != null && count == perDay ? row.getBigDecimal(volume) : null;
    }
}
