package org.coinpilot.macro.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.coinpilot.macro.domain.SeriesDay.Dominance;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One day of market-cap dominance. */
@Schema(description = "One day of market-cap dominance (percent of the total crypto market cap)")
public record DominanceResponse(
        @Schema(description = "UTC day") LocalDate date,
        @Schema(description = "BTC share, percent") BigDecimal btcDominance,
        @Schema(description = "ETH share, percent") BigDecimal ethDominance,

        @Schema(description = "Everything but BTC and ETH: 100 - btc - eth; null unless both are known")
        BigDecimal altDominance,

        @Schema(description = "Total crypto market cap, USD")
        BigDecimal totalMarketCapUsd,

        @Schema(description = "Where the values came from, e.g. coingecko or import")
        String source,

        @Schema(
                description = "btcChange7d / btcChange30d (points), btcTrend7d / btcTrend30d (UP, DOWN, FLAT),"
                        + " altSeason (ALT_SEASON, BTC_SEASON, NEUTRAL), ethChange7d / ethChange30d")
        Map<String, Object> trendAnalysis) {

    public static DominanceResponse of(Dominance d) {
        return new DominanceResponse(
                d.day(),
                d.btcDominance(),
                d.ethDominance(),
                d.altDominance(),
                d.totalMarketCapUsd(),
                d.source(),
                d.trendAnalysis());
    }
}
