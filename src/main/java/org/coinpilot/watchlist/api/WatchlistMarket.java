package org.coinpilot.watchlist.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.watchlist.domain.MarketView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Market data of a watchlist entry (docs/watchlists.md, "Enriched rows"); a part is null when it is not stored. */
@Schema(description = "Market data of the asset, from stored candles and indicators; null parts are not stored")
public record WatchlistMarket(
        @Schema(description = "Close of the latest stored candle of the timeframe", nullable = true)
        BigDecimal price,

        @Schema(description = "Open time of that candle", nullable = true)
        Instant candleTime,

        @Schema(description = "Change against the candle exactly 24 h earlier, percent", nullable = true)
        BigDecimal change24hPercent,

        @Schema(description = "RSI(14), Wilder, of the newest candle with stored values", nullable = true)
        Double rsi14,

        @Schema(description = "SMA(50)", nullable = true) Double sma50,
        @Schema(description = "SMA(200)", nullable = true) Double sma200,

        @Schema(
                description = "UPTREND (price > SMA50 > SMA200), DOWNTREND (price < SMA50 < SMA200) or MIXED",
                nullable = true)
        MarketView.Trend trend,

        @Schema(description = "Highest daily high in the high window (default 365 days)", nullable = true)
        BigDecimal high,

        @Schema(description = "(price - high) / high x 100", nullable = true)
        BigDecimal distanceFromHighPercent,

        @Schema(description = "Seconds since the latest candle closed", nullable = true)
        Long ageSeconds,

        @Schema(description = "A whole candle closed since without being stored", nullable = true)
        Boolean stale,

        @Schema(description = "The newest candle has no indicator values yet", nullable = true)
        Boolean indicatorsPending) {

    static WatchlistMarket of(MarketView v) {
        return new WatchlistMarket(
                v.price() == null ? null : v.price().stripTrailingZeros(),
                v.candleTime(),
                v.change24hPercent(),
                v.rsi14(),
                v.sma50(),
                v.sma200(),
                v.trend(),
                v.high() == null ? null : v.high().stripTrailingZeros(),
                v.distanceFromHighPercent(),
                v.ageSeconds(),
                v.stale(),
                v.indicatorsPending());
    }
}
