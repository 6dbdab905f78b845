package org.coinpilot.market.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.CandleTimes;
import org.coinpilot.market.domain.Kline;

/**
 * Offline market: a seeded random walk that keeps the whole pipeline alive without network.
 *
 * <p>The log-price is a sum of smooth noise octaves whose periods grow by 4 (1 minute to ~30 years) and whose
 * amplitudes grow with the square root of the period, so returns scale like Brownian motion: about 60 % annualised
 * volatility, a few tenths of a percent per minute. The price at any instant is a pure function of
 * (seed, symbol, instant), so re-fetching a range gives the same candles, the close of a candle equals the open of
 * the next one, and different timeframes agree. Wicks add a deterministic excursion beyond open/close; the USD
 * volume grows with the candle's length and its absolute return.
 */
@ApplicationScoped
public class SimulatedCandleProvider implements CandleProvider {

    public static final String NAME = "simulated";

    private static final double MINUTE_SIGMA = 0.6 / Math.sqrt(525_600.0);
    private static final int OCTAVES = 13;
    private static final Map<String, Double> BASE_PRICES =
            Map.of("BTC", 60_000.0, "ETH", 3_000.0, "SOL", 150.0, "BNB", 550.0, "XRP", 0.55, "ADA", 0.45, "DOGE", 0.12);

    private final Clock clock;
    private final long seed;

    public SimulatedCandleProvider(Clock clock, MarketConfig config) {
        this.clock = clock;
        this.seed = config.simulated().seed();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<List<Kline>> klines(String symbol, String pair, Timeframe timeframe, Instant from, int limit) {
        return Uni.createFrom().item(() -> generate(symbol, timeframe, from, limit, clock.instant()));
    }

    /** The candles a real exchange would return at {@code now}: up to and including the forming one. */
    public List<Kline> generate(String symbol, Timeframe timeframe, Instant from, int limit, Instant now) {
        List<Kline> out = new ArrayList<>();
        Instant open = CandleTimes.floor(timeframe, from);
        if (open.isBefore(from)) {
            open = open.plus(timeframe.duration());
        }
        while (out.size() < limit && !open.isAfter(now)) {
            out.add(candle(symbol, timeframe, open));
            open = open.plus(timeframe.duration());
        }
        return out;
    }

    /** The candle of {@code symbol} opening at {@code open}. */
    public Kline candle(String symbol, Timeframe timeframe, Instant open) {
        Duration length = timeframe.duration();
        Instant closeAt = open.plus(length);
        double o = price(symbol, open);
        double c = price(symbol, closeAt);
        double minutes = length.toMinutes();
        double wickScale = MINUTE_SIGMA * Math.sqrt(minutes);
        long h = hash(seed, symbol.hashCode(), open.toEpochMilli(), 77);
        double upper = unit(h) * wickScale;
        double lower = unit(mix(h)) * wickScale;
        double high = Math.max(o, c) * (1 + upper);
        double low = Math.min(o, c) * (1 - lower);
        double base = basePrice(symbol);
        double usdPerMinute = base >= 1000 ? 2_000_000 : base >= 100 ? 400_000 : 50_000;
        double move = Math.abs(c - o) / o;
        double volume = usdPerMinute * minutes * (0.5 + unit(mix(mix(h)))) * (1 + 40 * move);
        return Kline.of(open, dec(o), dec(high), dec(low), dec(c), dec(volume), closeAt.minusMillis(1));
    }

    /** The simulated price of {@code symbol} at {@code instant}. */
    double price(String symbol, Instant instant) {
        double t = instant.toEpochMilli() / 60_000.0;
        double logPrice = Math.log(basePrice(symbol));
        double period = 1.0;
        for (int k = 0; k < OCTAVES; k++) {
            logPrice += 0.7 * MINUTE_SIGMA * Math.sqrt(period) * noise(symbol, k, t / period);
            period *= 4;
        }
        return Math.exp(logPrice);
    }

    private double basePrice(String symbol) {
        Double known = BASE_PRICES.get(symbol.toUpperCase(java.util.Locale.ROOT));
        if (known != null) {
            return known;
        }
        // 0.05 … 500, log-uniform, stable per symbol
        return Math.exp(Math.log(0.05) + unit(hash(seed, symbol.hashCode(), 0, 1)) * Math.log(10_000));
    }

    /** Smooth noise in [-1, 1]: cosine interpolation of hashed lattice values. */
    private double noise(String symbol, int octave, double x) {
        long i = (long) Math.floor(x);
        double f = x - i;
        double a = unit(hash(seed, symbol.hashCode(), i, octave)) * 2 - 1;
        double b = unit(hash(seed, symbol.hashCode(), i + 1, octave)) * 2 - 1;
        double w = (1 - Math.cos(f * Math.PI)) / 2;
        return a * (1 - w) + b * w;
    }

    private static BigDecimal dec(double value) {
        return new BigDecimal(Double.toString(value), MathContext.DECIMAL64);
    }

    private static long hash(long seed, long symbol, long index, long octave) {
        return mix(seed ^ mix(symbol * 0x9E3779B97F4A7C15L ^ mix(index ^ (octave << 48))));
    }

    /** splitmix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash mapped to [0, 1). */
    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
