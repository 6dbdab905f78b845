package org.coinpilot.market.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test assets and candle look-ups straight through the pool; each test gets its own asset. */
public final class MarketTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private MarketTestData() {}

    /** A new asset with a unique symbol; when {@code onlySupported}, every other asset stops being ingested. */
    public static long asset(Pool pool, String prefix, boolean onlySupported) {
        if (onlySupported) {
            pool.query("UPDATE cryptocurrencies SET is_supported = false")
                    .execute()
                    .await()
                    .indefinitely();
        }
        String symbol =
                prefix + SEQUENCE.incrementAndGet() + ProcessHandle.current().pid() % 1000;
        return pool.preparedQuery("INSERT INTO cryptocurrencies (symbol, name, is_supported, external_ids)"
                        + " VALUES ($1, $2, true, jsonb_build_object('binance', $3::text)) RETURNING id")
                .execute(Tuple.of(symbol, "Test " + symbol, symbol + "USDT"))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    public static String symbol(Pool pool, long id) {
        return pool.preparedQuery("SELECT symbol FROM cryptocurrencies WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString("symbol");
    }

    /** The stored candle times of a series, oldest first. */
    public static List<Instant> times(Pool pool, long cryptoId, String timeframe) {
        List<Instant> times = new ArrayList<>();
        for (Row row : pool.preparedQuery(
                        "SELECT candle_time FROM price_data WHERE crypto_id = $1 AND timeframe = $2 ORDER BY candle_time")
                .execute(Tuple.of(cryptoId, timeframe))
                .await()
                .indefinitely()) {
            times.add(row.getOffsetDateTime("candle_time").toInstant());
        }
        return times;
    }

    public static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(params))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    public static OffsetDateTime odt(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
