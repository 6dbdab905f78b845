package org.coinpilot.market.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.common.time.Timeframe;

/**
 * One candle as a provider reports it, already in our units: prices in the quote currency (USD(T)) at the
 * {@code price_data} scale (8, HALF_EVEN) and volume in USD at scale 2 (Binance's quote-asset volume).
 *
 * @param openTime open time of the candle ({@code candle_time})
 * @param closeTime the provider's close time; a candle is closed when this is before now
 */
public record Kline(
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        Instant closeTime) {

    /** A kline with prices and volume rounded to the column scales ({@link CandleColumn#round}). */
    public static Kline of(
            Instant openTime,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume,
            Instant closeTime) {
        return new Kline(
                openTime,
                price(open),
                price(high),
                price(low),
                price(close),
                volume == null ? null : CandleColumn.VOLUME.round(volume),
                closeTime);
    }

    static BigDecimal price(BigDecimal value) {
        return CandleColumn.PRICE.round(value);
    }

    /** Closed: its close time lies before {@code now} (Binance's close time is open + duration - 1 ms). */
    public boolean isClosedAt(Instant now, Timeframe timeframe) {
        Instant end = closeTime != null
                ? closeTime
                : openTime.plus(timeframe.duration()).minusMillis(1);
        return end.isBefore(now);
    }

    /**
     * Why this candle cannot be stored, or null when it is consistent: every value within its column
     * ({@link CandleColumn}; the first field that is not is named), positive prices, high the highest and low the
     * lowest of the four, volume not negative.
     */
    public String inconsistency() {
        // first, too large for its column: one such value would fail the whole upsert of its page (or import)
        String[] names = {"open", "high", "low", "close"};
        BigDecimal[] prices = {open, high, low, close};
        for (int i = 0; i < prices.length; i++) {
            String overflow = CandleColumn.PRICE.overflow(prices[i]);
            if (overflow != null) {
                return names[i] + ": " + overflow;
            }
        }
        String overflow = volume == null ? null : CandleColumn.VOLUME.overflow(volume);
        if (overflow != null) {
            return "volume: " + overflow;
        }
        if (open.signum() <= 0 || high.signum() <= 0 || low.signum() <= 0 || close.signum() <= 0) {
            return "prices must be positive";
        }
        if (high.compareTo(low) < 0) {
            return "high is lower than low";
        }
        if (high.compareTo(open) < 0 || high.compareTo(close) < 0) {
            return "high is lower than open or close";
        }
        if (low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            return "low is higher than open or close";
        }
        if (volume != null && volume.signum() < 0) {
            return "volume is negative";
        }
        return null;
    }
}
