package org.coinpilot.portfolio.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lowest low and highest high of stored hourly candles over many (asset, time range) windows in ONE statement,
 * from market's published view {@code market_candles}: the excursions of closed trades. The service hands in the
 * client.
 */
@ApplicationScoped
public class ExcursionRepository {

    /** $1 window index, $2 asset, $3 from (inclusive), $4 to (exclusive): candles opening inside the window. */
    static final String RANGES = """
            SELECT w.idx, min(c.low_price) AS low, max(c.high_price) AS high
            FROM unnest($1::int4[], $2::int8[], $3::timestamptz[], $4::timestamptz[]) AS w(idx, crypto_id, t0, t1)
            JOIN market_candles c ON c.crypto_id = w.crypto_id AND c.timeframe = '1h'
                                 AND c.candle_time >= w.t0 AND c.candle_time < w.t1
            GROUP BY w.idx""";

    /** A window: the asset and the time range. */
    public record Window(long cryptoId, Instant from, Instant to) {}

    /** Low and high of a window. */
    public record Range(BigDecimal low, BigDecimal high) {}

    /** The range of each window by its index in {@code windows}; windows without candles have no entry. */
    public Uni<Map<Integer, Range>> ranges(SqlClient client, List<Window> windows) {
        Integer[] idx = new Integer[windows.size()];
        Long[] assets = new Long[windows.size()];
        OffsetDateTime[] from = new OffsetDateTime[windows.size()];
        OffsetDateTime[] to = new OffsetDateTime[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            idx[i] = i;
            assets[i] = windows.get(i).cryptoId();
            from[i] = windows.get(i).from().atOffset(ZoneOffset.UTC);
            to[i] = windows.get(i).to().atOffset(ZoneOffset.UTC);
        }
        return client.preparedQuery(RANGES)
                .execute(Tuple.of(idx, assets, from, to))
                .map(rows -> {
                    Map<Integer, Range> ranges = new HashMap<>();
                    for (Row r : rows) {
                        ranges.put(r.getInteger("idx"), new Range(r.getBigDecimal("low"), r.getBigDecimal("high")));
                    }
                    return ranges;
                });
    }
}
