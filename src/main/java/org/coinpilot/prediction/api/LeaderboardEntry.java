package org.coinpilot.prediction.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One active model version on the leaderboard, with the scores of its newest scorecard of the window. */
@Schema(description = "An active model version ranked by MASE (lower is better)")
public record LeaderboardEntry(
        @Schema(description = "1 = lowest MASE") int rank,

        @Schema(description = "The version's id (ai_models)")
        long modelId,

        @Schema(description = "Model name") String name,
        @Schema(description = "Version label") String version,

        @Schema(description = "Analysis layer (macro, sector, asset, timing)")
        String modelType,

        @Schema(description = "Candle timeframe of its horizon", nullable = true)
        String timeframe,

        @Schema(description = "The scorecard's as-of (null: no scored prediction yet)", nullable = true)
        Instant asOf,

        @Schema(description = "Scored predictions in the window")
        int count,

        @Schema(description = "Mean absolute error, price units", nullable = true)
        Double mae,

        @Schema(description = "Root mean squared error, price units", nullable = true)
        Double rmse,

        @Schema(description = "Mean absolute percentage error, %", nullable = true)
        Double mape,

        @Schema(
                description = "MAE ÷ the naive forecast's MAE on the same predictions (below 1 beats it)",
                nullable = true)
        Double mase,

        @Schema(description = "Share of right calls of direction", nullable = true)
        Double directionalAccuracy,

        @Schema(description = "One-sided binomial p-value of those calls against coin flips", nullable = true)
        Double directionalPValue,

        @Schema(description = "MASE below 1 on at least minCountToBeatNaive scored predictions")
        boolean beatsNaive) {}
