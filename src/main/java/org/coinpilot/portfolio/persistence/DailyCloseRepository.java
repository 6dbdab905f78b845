package org.coinpilot.portfolio.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored daily closes of many assets over a range of days in ONE statement, from market's published view
 * {@code market_candles} (docs/architecture.md, "Who owns what"). The service hands in the client.
 */
@ApplicationScoped
public class DailyCloseRepository {

    /** $1 asset ids, $2 first day (inclusive), $3 last day (exclusive): the closes of the daily candles. */
    static final String CLOSES = """
            SELECT c.crypto_id, c.candle_time, c.close_price
            FROM market_candles c
            WHERE c.crypto_id = ANY($1::int8[]) AND c.timeframe = '1d' AND c.candle_time >= $2 AND c.candle_time < $3""";

    /** The close of each asset's daily candle of each UTC day in {@code [from, to]}; days not stored are absent. */
    public Uni<Map<Long, Map<LocalDate, BigDecimal>>> closes(
            SqlClient client, List<Long> cryptoIds, LocalDate from, LocalDate to) {
        return client.preparedQuery(CLOSES)
                .execute(Tuple.of(
                        cryptoIds.toArray(Long[]::new),
                        from.atStartOfDay().atOffset(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<Long, Map<LocalDate, BigDecimal>> closes = new HashMap<>();
                    for (Row r : rows) {
                        OffsetDateTime time = r.getOffsetDateTime("candle_time");
                        closes.computeIfAbsent(r.getLong("crypto_id"), k -> new HashMap<>())
                                .put(
                                        time.toInstant()
                                                .atOffset(ZoneOffset.UTC)
                                                .toLocalDate(),
                                        r.getBigDecimal("close_price"));
                    }
                    return closes;
                });
    }
}
