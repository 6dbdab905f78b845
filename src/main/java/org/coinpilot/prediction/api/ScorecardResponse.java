package org.coinpilot.prediction.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scorecard of a model version (model_performance). */
@Schema(description = "A model version's scores over one window as of an instant")
public record ScorecardResponse(
        @Schema(description = "The version's id") long modelId,

        @Schema(description = "Window of target times: Nd or all")
        String window,

        @Schema(description = "Covers realized predictions whose target time is at or before this")
        Instant asOf,

        @Schema(description = "When it was computed") Instant evaluatedAt,

        @Schema(description = "Candle timeframe of the version", nullable = true)
        String timeframe,

        @Schema(description = "First target time scored", nullable = true)
        Instant from,

        @Schema(description = "Last target time scored", nullable = true)
        Instant to,

        @Schema(description = "Scored predictions") int count,

        @Schema(
                description = "count, mae, rmse, mape, naiveCount, naiveMae, mase, directionalCount,"
                        + " directionalAccuracy, directionalPValue, brierScore")
        Map<String, Object> metrics,

        @Schema(description = "The same scores per asset (cryptoId, symbol, …)")
        List<Map<String, Object>> byAsset,

        @Schema(description = "The same scores per regime of the day before creation (unknown: unclassified)")
        List<Map<String, Object>> byRegime,

        @Schema(
                description = "Reliability table: confidence buckets [from, to) with count, meanConfidence and"
                        + " observedAccuracy")
        List<Map<String, Object>> reliability) {}
