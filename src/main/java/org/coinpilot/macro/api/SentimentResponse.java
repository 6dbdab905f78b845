package org.coinpilot.macro.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.coinpilot.macro.domain.SeriesDay.Sentiment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One day of market sentiment. */
@Schema(description = "One day of market sentiment")
public record SentimentResponse(
        @Schema(description = "UTC day the value is for") LocalDate date,
        @Schema(description = "Fear & Greed index, 0-100") BigDecimal fearGreedIndex,

        @Schema(description = "The provider's label exactly as received, e.g. Extreme Fear")
        String classification,

        @Schema(description = "Where the value came from, e.g. alternative.me")
        String provider,

        @Schema(description = "Aggregated social sentiment; null until a source is configured")
        BigDecimal socialSentiment,

        @Schema(
                description =
                        "average7d / average30d (means of the days that have a value, days7d / days30d of"
                                + " them), change1d / change7d (against exactly 1 and 7 days before; null when that day has none)")
        Map<String, Object> analysisMetrics) {

    public static SentimentResponse of(Sentiment s) {
        return new SentimentResponse(
                s.day(),
                s.fearGreedIndex(),
                s.classification(),
                s.provider(),
                s.socialSentiment(),
                s.analysisMetrics());
    }
}
