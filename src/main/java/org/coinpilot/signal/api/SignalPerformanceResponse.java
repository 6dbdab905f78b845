package org.coinpilot.signal.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signals' track record: scored signals by model version, and by model version and regime at creation. */
@Schema(description = "Track record of scored signals")
public record SignalPerformanceResponse(
        @Schema(description = "Per model version, over every regime")
        List<Row> byModel,

        @Schema(description = "Per model version and regime at creation")
        List<Row> byModelAndRegime) {

    /** One group of scored signals. */
    @Schema(description = "Scored signals of one group")
    public record Row(
            @Schema(description = "Model version id", nullable = true)
            Long modelId,

            @Schema(description = "Model name", nullable = true)
            String modelName,

            @Schema(description = "Version label", nullable = true)
            String modelVersion,

            @Schema(
                    description = "Regime at creation (bull, bear, sideways); null: none known (or byModel)",
                    nullable = true)
            String regime,

            @Schema(description = "Scored signals") long signals,
            @Schema(description = "Target hit first") long hitTarget,
            @Schema(description = "Stop hit first") long hitStop,
            @Schema(description = "Neither before expiry") long neither,
            @Schema(description = "hitTarget / signals") double winRate,

            @Schema(description = "Share with a positive return")
            double positiveRate,

            @Schema(description = "Mean return of following them, % of entry (decimal string)", nullable = true)
            BigDecimal averageReturnPercent) {}
}
