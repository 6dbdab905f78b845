package org.coinpilot.market.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
 * <p>The log-price is a sum of smooth noise octaves whose periods grow by 4 (1 minute to about half a year) and
 * whose amplitudes grow with the square root of the period, so returns scale like Brownian motion up to months:
 * about 60 % annualised volatility, a few tenths of a percent per minute. Beyond the longest period the walk reverts
 * to the asset's level ({@link #BASE_PRICES}, near real prices), so it never drifts away: each octave's noise lies in
 * [-1, 1], so the log-price stays within ±{@link #MAX_LOG_DEVIATION} (≈ 0.59, a factor 0.55–1.81) of that level at
 * every instant, whatever the date. (It used octaves up to ~30 years, whose amplitude alone reached ±2.4 in
 * log-price: BTC stood at $1.09M after the demo's seeded history.) The price at any instant is a pure function of
 * (seed, symbol, instant), so re-fetching a range gives the same candles, the close of a candle equals the open of
 * the next one, and different timeframes agree. Wicks add a deterministic excursion beyond open/close; the volume
 * grows with the candle's length and its absolute return, and comes as an exchange sends it: base-asset volume and
 * quote-asset volume (base × typical price), 8 decimals each.
 */
@ApplicationScoped
public class SimulatedCandleProvider implements CandleProvider {

    public static final String NAME = "simulated";

    private static final double MINUTE_SIGMA = 0.6 / Math.sqrt(525_600.0);
    /** Periods 4^0 … 4^9 minutes: 1 minute to ≈ 182 days. */
    static final int OCTAVES = 10;

    private static final double OCTAVE_AMPLITUDE = 0.7 * MINUTE_SIGMA;

    /** Σ of the octaves' amplitudes: the largest distance of the log-price from the asset's level. */
    static final double MAX_LOG_DEVIATION = OCTAVE_AMPLITUDE * ((1 << OCTAVES) - 1);

    /** Levels the walk stays around, near the real prices of 2025–2026 (Binance closes). */
    static final Map<String, Double> BASE_PRICES =
            Map.of("BTC", 80_000.0, "ETH", 2_800.0, "SOL", 140.0, "BNB", 650.0, "XRP", 2.2, "ADA", 0.7, "DOGE", 0.2);

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
        double usd = usdPerMinute * minutes * (0.5 + unit(mix(mix(h)))) * (1 + 40 * move);
        BigDecimal typical = dec(high).add(dec(low)).add(dec(c)).divide(BigDecimal.valueOf(3), MathContext.DECIMAL64);
        BigDecimal baseVolume = dec(usd).divide(typical, MathContext.DECIMAL64).setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal quoteVolume = baseVolume.multiply(typical).setScale(8, RoundingMode.HALF_EVEN);
        return Kline.ofVolumes(
                open, dec(o), dec(high), dec(low), dec(c), baseVolume, quoteVolume, closeAt.minusMillis(1));
    }

    /** The simulated price of {@code symbol} at {@code instant}. */
    double price(String symbol, Instant instant) {
        double t = instant.toEpochMilli() / 60_000.0;
        double logPrice = Math.log(basePrice(symbol));
        double period = 1.0;
        for (int k = 0; k < OCTAVES; k++) {
            logPrice += OCTAVE_AMPLITUDE * Math.sqrt(period) * noise(symbol, k, t / period);
            period *= 4;
        }
        return Math.exp(logPrice);
    }

    double basePrice(String symbol) {
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
