package org.coinpilot.macro.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.coinpilot.macro.domain.MarketRegime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The dashboard's first call: the newest value of each macro series with its as-of time and staleness. A provider
 * outage leaves the last good value in place; it shows here as an older {@code asOf} and {@code stale: true}.
 */
@Schema(description = "Newest regime, Fear & Greed, dominance and key macro values, each with as-of and staleness")
public record MacroOverviewResponse(
        @Schema(description = "When this overview was computed")
        Instant generatedAt,

        @Schema(description = "Newest classified day; null when none", nullable = true)
        RegimeSummary regime,

        @Schema(description = "Newest Fear & Greed day; null when none", nullable = true)
        FearGreedSummary fearGreed,

        @Schema(description = "Newest dominance day; null when none", nullable = true)
        DominanceSummary dominance,

        @Schema(description = "The configured key indicators, in order; value null when none is stored")
        List<IndicatorSummary> indicators) {

    public MacroOverviewResponse {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** How fresh a value is. */
    @Schema(description = "How fresh a value is")
    public record Freshness(
            @Schema(
                    description = "The instant the value describes: the start of its UTC day (regime: the end, when"
                            + " the day's candle closed)")
            Instant asOf,

            @Schema(description = "Seconds since asOf") long ageSeconds,

            @Schema(description = "Older than the series' staleness bound (coinpilot.macro.stale-after.*)")
            boolean stale) {}

    @Schema(description = "The newest market regime and why")
    public record RegimeSummary(
            @Schema(description = "Day classified") LocalDate date,
            @Schema(description = "BULL, BEAR or SIDEWAYS") MarketRegime regime,
            @Schema(description = "0-1") BigDecimal confidence,

            @Schema(description = "One sentence per rule that voted")
            String explanation,

            @Schema(description = "Each rule's vote, weight and reason")
            Map<String, Object> votes,

            @Schema(description = "Freshness") Freshness freshness) {}

    @Schema(description = "The newest Fear & Greed value")
    public record FearGreedSummary(
            @Schema(description = "Day") LocalDate date,
            @Schema(description = "0-100") BigDecimal value,

            @Schema(description = "The provider's label as received", nullable = true)
            String classification,

            @Schema(description = "Provider", nullable = true)
            String provider,

            @Schema(description = "Rolling metrics (average7d, average30d, change1d, change7d)", nullable = true)
            Map<String, Object> metrics,

            @Schema(description = "Freshness") Freshness freshness) {}

    @Schema(description = "The newest dominance day")
    public record DominanceSummary(
            @Schema(description = "Day") LocalDate date,

            @Schema(description = "BTC share, percent", nullable = true)
            BigDecimal btcDominance,

            @Schema(description = "ETH share, percent; null when unknown", nullable = true)
            BigDecimal ethDominance,

            @Schema(description = "The rest, percent; null when the ETH share is unknown", nullable = true)
            BigDecimal altDominance,

            @Schema(description = "Total market cap, USD; null when unknown", nullable = true)
            BigDecimal totalMarketCapUsd,

            @Schema(description = "Trend readings (btcTrend7d, btcTrend30d, altSeason, …)", nullable = true)
            Map<String, Object> trend,

            @Schema(description = "Freshness") Freshness freshness) {}

    @Schema(description = "The newest value of a key macro indicator")
    public record IndicatorSummary(
            @Schema(description = "Indicator name") String name,

            @Schema(description = "Day of the newest value; null when none", nullable = true)
            LocalDate date,

            @Schema(description = "The value; null when none", nullable = true)
            BigDecimal value,

            @Schema(description = "Source; null when no value is stored", nullable = true)
            String source,

            @Schema(description = "Freshness; null when no value is stored", nullable = true)
            Freshness freshness) {}
}
