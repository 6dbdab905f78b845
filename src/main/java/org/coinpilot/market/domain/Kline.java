package org.coinpilot.market.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.common.time.Timeframe;

/**
 * One candle as a provider reports it, already in our units: prices in the quote currency (USD(T)) at the
 * {@code price_data} scale (8, HALF_EVEN), the seed's USD volume at scale 2, and the base-asset and quote-asset
 * volumes exactly as the source gave them ({@link CandleColumn#EXACT_VOLUME}).
 *
 * <p>USD {@code volume} (docs/market.md "Volume"): the quote volume rounded HALF_EVEN to cents when the source gives
 * one (USDT taken as USD); otherwise close × base volume rounded to cents, an estimate, recognisable by
 * {@code quoteVolume == null} while {@code baseVolume != null}.
 *
 * @param openTime open time of the candle ({@code candle_time})
 * @param volume USD volume ({@code volume numeric(30,2)})
 * @param baseVolume base-asset volume ({@code base_volume}; BTC of BTCUSDT), null when unknown
 * @param quoteVolume quote-asset volume ({@code quote_volume}; USDT of BTCUSDT), null when the source gave none
 * @param closeTime the provider's close time; a candle is closed when this is before now
 */
public record Kline(
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal baseVolume,
        BigDecimal quoteVolume,
        Instant closeTime) {

    /**
     * A kline of known USD volume only (no base or quote volume), prices and volume rounded to the column scales
     * ({@link CandleColumn#round}).
     */
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
                null,
                null,
                closeTime);
    }

    /**
     * A kline as an exchange reports it: base-asset volume and, when the source gives it, quote-asset volume, both
     * kept exactly (more than 18 decimals rounded HALF_EVEN); the USD volume is derived from them (see above):
     * the quote volume rounded to cents, else the rounded close × the base volume rounded to cents.
     *
     * @throws ArithmeticException only for a base volume × close beyond {@link BigDecimal}'s range, which no
     *     column could hold either
     */
    public static Kline ofVolumes(
            Instant openTime,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal baseVolume,
            BigDecimal quoteVolume,
            Instant closeTime) {
        BigDecimal c = price(close);
        BigDecimal base = baseVolume == null ? null : CandleColumn.EXACT_VOLUME.round(baseVolume);
        BigDecimal quote = quoteVolume == null ? null : CandleColumn.EXACT_VOLUME.round(quoteVolume);
        BigDecimal usd = quote != null ? quote : base != null ? base.multiply(c) : null;
        return new Kline(
                openTime,
                price(open),
                price(high),
                price(low),
                c,
                usd == null ? null : CandleColumn.VOLUME.round(usd),
                base,
                quote,
                closeTime);
    }

    /** Whether {@link #volume()} is close × base volume (the source gave base volume but no quote volume). */
    public boolean volumeEstimated() {
        return quoteVolume == null && baseVolume != null;
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
     * ({@link CandleColumn}; the first field that is not is named, in the order open, high, low, close, base_volume,
     * quote_volume, volume), positive prices, high the highest and low the lowest of the four, volumes not negative.
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
        String overflow = baseVolume == null ? null : CandleColumn.EXACT_VOLUME.overflow(baseVolume);
        if (overflow != null) {
            return "base_volume: " + overflow;
        }
        overflow = quoteVolume == null ? null : CandleColumn.EXACT_VOLUME.overflow(quoteVolume);
        if (overflow != null) {
            return "quote_volume: " + overflow;
        }
        overflow = volume == null ? null : CandleColumn.VOLUME.overflow(volume);
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
        if (baseVolume != null && baseVolume.signum() < 0) {
            return "base_volume is negative";
        }
        if (quoteVolume != null && quoteVolume.signum() < 0) {
            return "quote_volume is negative";
        }
        if (volume != null && volume.signum() < 0) {
            return "volume is negative";
        }
        return null;
    }
}
