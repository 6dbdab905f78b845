package org.coinpilot.watchlist.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.domain.StoredIndicators;

/**
 * What a watchlist row shows about its asset, built from market's published reads (docs/watchlists.md, "Enriched
 * rows"). Every part is null when its input is not stored; nothing is estimated.
 *
 * @param price close of the latest stored candle of the timeframe
 * @param candleTime open time of that candle
 * @param change24hPercent against the candle exactly 24 h earlier (market's quote)
 * @param rsi14 stored {@code RSI} (14, Wilder) of the newest candle that has values
 * @param sma50 stored {@code SMA.50}
 * @param sma200 stored {@code SMA.200}
 * @param trend {@link Trend} of the price against both averages
 * @param high highest high of the daily candles in the high window
 * @param distanceFromHighPercent {@code (price - high) / high × 100}, scale 4 (≤ 0 unless the price is a new high)
 * @param ageSeconds seconds since the latest candle closed
 * @param stale a whole candle closed since without being stored
 * @param indicatorsPending the newest candle has no indicator values yet (the values shown are of an older one)
 */
public record MarketView(
        BigDecimal price,
        Instant candleTime,
        BigDecimal change24hPercent,
        Double rsi14,
        Double sma50,
        Double sma200,
        Trend trend,
        BigDecimal high,
        BigDecimal distanceFromHighPercent,
        Long ageSeconds,
        Boolean stale,
        Boolean indicatorsPending) {

    /** The price against its 50- and 200-period simple moving averages. */
    public enum Trend {
        /** price > SMA50 > SMA200 */
        UPTREND,
        /** price < SMA50 < SMA200 */
        DOWNTREND,
        /** any other order of the three */
        MIXED
    }

    /** The view of one asset; {@code quote}, {@code indicators} and {@code high} may each be null. */
    public static MarketView of(Quote quote, StoredIndicators indicators, BigDecimal high) {
        Map<String, Double> values = indicators == null ? Map.of() : indicators.values();
        Double rsi = values.get("RSI");
        Double sma50 = values.get("SMA.50");
        Double sma200 = values.get("SMA.200");
        BigDecimal price = quote == null ? null : quote.close();
        return new MarketView(
                price,
                quote == null ? null : quote.candleTime(),
                quote == null ? null : quote.change24hPercent(),
                rsi,
                sma50,
                sma200,
                trend(price, sma50, sma200),
                high,
                distance(price, high),
                quote == null ? null : quote.ageSeconds(),
                quote == null ? null : quote.stale(),
                indicators == null ? null : indicators.latestCandleTime().isAfter(indicators.candleTime()));
    }

    static Trend trend(BigDecimal price, Double sma50, Double sma200) {
        if (price == null || sma50 == null || sma200 == null || !Double.isFinite(sma50) || !Double.isFinite(sma200)) {
            return null;
        }
        BigDecimal fast = BigDecimal.valueOf(sma50);
        BigDecimal slow = BigDecimal.valueOf(sma200);
        if (price.compareTo(fast) > 0 && fast.compareTo(slow) > 0) {
            return Trend.UPTREND;
        }
        if (price.compareTo(fast) < 0 && fast.compareTo(slow) < 0) {
            return Trend.DOWNTREND;
        }
        return Trend.MIXED;
    }

    static BigDecimal distance(BigDecimal price, BigDecimal high) {
        if (price == null || high == null || high.signum() <= 0) {
            return null;
        }
        return price.subtract(high).multiply(BigDecimal.valueOf(100)).divide(high, 4, RoundingMode.HALF_EVEN);
    }
}
