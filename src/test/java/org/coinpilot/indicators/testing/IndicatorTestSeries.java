package org.coinpilot.indicators.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.market.domain.Kline;

/** Deterministic synthetic candle series and read-back of stored indicator objects. */
public final class IndicatorTestSeries {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private IndicatorTestSeries() {}

    /**
     * {@code n} hourly candles of a seeded random walk around 100 (8-decimal prices, base volume with 2 decimals and no
     * quote volume, so the USD volume is close × base volume).
     */
    public static List<Kline> walk(int n, long seed) {
        Random random = new Random(seed);
        List<Kline> list = new ArrayList<>();
        double price = 100;
        for (int i = 0; i < n; i++) {
            double open = price;
            double close = Math.max(1, price * (1 + (random.nextDouble() - 0.5) * 0.04));
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
            list.add(kline(START.plus(Duration.ofHours(i)), open, high, low, close, 1000 + random.nextInt(100000)));
            price = close;
        }
        return list;
    }

    /** A candle of base volume {@code baseVolume} (2 decimals) and no quote volume. */
    public static Kline kline(Instant time, double open, double high, double low, double close, double baseVolume) {
        return Kline.ofVolumes(
                time,
                scale(open, 8),
                scale(high, 8).max(scale(open, 8)).max(scale(close, 8)),
                scale(low, 8).min(scale(open, 8)).min(scale(close, 8)),
                scale(close, 8),
                scale(baseVolume, 2),
                null,
                null);
    }

    private static BigDecimal scale(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /**
     * The engine's input for these hourly candles, converted exactly as the service does (BigDecimal.doubleValue):
     * base volume (NaN where unknown), open times.
     */
    public static Candles candles(List<Kline> klines) {
        int n = klines.size();
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            Kline k = klines.get(i);
            o[i] = k.open().doubleValue();
            h[i] = k.high().doubleValue();
            l[i] = k.low().doubleValue();
            c[i] = k.close().doubleValue();
            v[i] = k.baseVolume() == null ? Double.NaN : k.baseVolume().doubleValue();
            t[i] = k.openTime().getEpochSecond();
        }
        return new Candles(o, h, l, c, v, t, 3600);
    }

    /** The stored {@code technical_indicators} of a series, oldest first (null entries where NULL). */
    public static List<JsonObject> stored(Pool pool, long cryptoId) {
        List<JsonObject> list = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT technical_indicators FROM price_data"
                        + " WHERE crypto_id = $1 AND timeframe = '1h' ORDER BY candle_time")
                .execute(Tuple.of(cryptoId))
                .await()
                .indefinitely()) {
            Object value = row.getValue("technical_indicators");
            list.add(value instanceof JsonObject json ? json : null);
        }
        return list;
    }
}
