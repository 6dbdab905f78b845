package org.coinpilot.prediction.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.prediction.domain.VolatilityLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A price prediction of an external model (docs/predictions.md "Predictions"): a registered version, an asset, the
 * close predicted {@code predictionHorizon} candles of the version's timeframe after the last candle it saw.
 */
@Schema(description = "A prediction posted by an external model")
public record CreatePredictionRequest(
        @NotNull
        @Min(1)
        @Max(Long.MAX_VALUE)
        @Schema(description = "Id of the registered model version", examples = "42")
        Long modelId,

        @NotBlank
        @Size(max = 20)
        @Pattern(regexp = "^[A-Za-z0-9]+$", message = "must be letters and digits")
        @Schema(description = "Symbol of the catalogued asset", examples = "BTC")
        String symbol,

        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Predicted close of the target candle", examples = "65000.5")
        BigDecimal predictedPrice,

        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Close of the last candle the model saw", examples = "64000")
        BigDecimal inputPrice,

        @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Digits(integer = 1, fraction = 6)
        @Schema(
                description = "Probability that the prediction is accurate: |actual − predicted| / actual × 100 ≤"
                        + " accuracyThreshold",
                examples = "0.62")
        BigDecimal confidenceScore,

        @NotNull
        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        @Schema(description = "Accuracy threshold in percent of the actual price", examples = "2")
        BigDecimal accuracyThreshold,

        @NotNull
        @Min(1)
        @Max(1000)
        @Schema(
                description = "Candles of the model's timeframe from the last candle seen to the target",
                examples = "1")
        Integer predictionHorizon,

        @NotNull
        @Schema(
                description = "Close time of the target candle: after now, and a candle close at most"
                        + " predictionHorizon candles ahead (its input candle has closed)",
                examples = "2026-12-06T00:00:00Z")
        Instant targetDatetime,

        @Valid @Schema(description = "The prediction interval")
        Interval predictedValue,

        @Size(max = 100) @Schema(description = "Names of the input features", examples = "[\"close\", \"rsi_14\"]")
        List<@NotBlank @Size(max = 100) String> featuresUsed,

        @Size(max = 100) @Schema(description = "Input feature values by name (free-form object)", maxProperties = 100)
        Map<String, Object> inputFeatures,

        @Size(max = 100) @Schema(description = "Context the model saw (free-form object)", maxProperties = 100)
        Map<String, Object> contextData,

        @Schema(description = "Volatility during the prediction")
        VolatilityLevel volatilityLevel,

        @DecimalMin("0")
        @Digits(integer = 6, fraction = 6)
        @Schema(description = "Seconds the model took", examples = "0.25")
        BigDecimal predictionTime,

        @Size(max = 4000) @Schema(description = "Free text") String notes) {

    /** A prediction interval around the predicted price. */
    @Schema(description = "Prediction interval: lower ≤ predictedPrice ≤ upper, at a level in (0, 1)")
    public record Interval(
            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 20, fraction = 18)
            @Schema(description = "Lower bound", examples = "62000")
            BigDecimal lower,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 20, fraction = 18)
            @Schema(description = "Upper bound", examples = "68000")
            BigDecimal upper,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax(value = "1", inclusive = false)
            @Digits(integer = 1, fraction = 6)
            @Schema(description = "Coverage level", examples = "0.95")
            BigDecimal level) {}
}
