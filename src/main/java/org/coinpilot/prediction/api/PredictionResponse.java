package org.coinpilot.prediction.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.prediction.domain.VolatilityLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A prediction's full record: every column of {@code predictions}. The scoring fields (actualPrice, errors,
 * accuracyPercentage, accurate, evaluatedAt) are null until the prediction is scored.
 */
@Schema(description = "A prediction of the ledger, with its scoring once realized")
public record PredictionResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Asset id", nullable = true) Long cryptoId,

        @Schema(description = "Asset symbol", nullable = true)
        String symbol,

        @Schema(description = "Model version id", nullable = true)
        Long modelId,

        @Schema(description = "Lowercase code, e.g. price") String predictionType,

        @Schema(description = "Predicted close of the target candle", nullable = true)
        BigDecimal predictedPrice,

        @Schema(description = "Prediction interval {lower, upper, level, ...}", nullable = true)
        Map<String, Object> predictedValue,

        @Schema(description = "Probability that the prediction is accurate within accuracyThreshold", nullable = true)
        BigDecimal confidenceScore,

        @Schema(
                description = "Candles of the model's timeframe from the last input candle to the target",
                nullable = true)
        Integer predictionHorizon,

        @Schema(description = "Close time of the target candle")
        Instant targetDatetime,

        @Schema(description = "Names of the input features", nullable = true)
        List<String> featuresUsed,

        @Schema(description = "Close of the last input candle", nullable = true)
        BigDecimal inputPrice,

        @Schema(description = "Input feature values", nullable = true)
        Map<String, Object> inputFeatures,

        @Schema(description = "The four analysis layers at creation", nullable = true)
        Map<String, Object> contextData,

        @Schema(description = "Actual close of the target candle (scoring)", nullable = true)
        BigDecimal actualPrice,

        @Schema(description = "Accuracy in percent (scoring)", nullable = true)
        BigDecimal accuracyPercentage,

        @Schema(description = "|actual − predicted| (scoring)", nullable = true)
        BigDecimal absoluteError,

        @Schema(description = "(actual − predicted)² (scoring)", nullable = true)
        BigDecimal squaredError,

        @Schema(description = "Scored") boolean realized,

        @Schema(description = "Within the accuracy threshold (scoring)", nullable = true)
        Boolean accurate,

        @Schema(description = "Accuracy threshold, percent of the actual price", nullable = true)
        BigDecimal accuracyThreshold,

        @Schema(description = "Summary of the market at creation", nullable = true)
        Map<String, Object> marketConditions,

        @Schema(description = "LOW, MEDIUM or HIGH", nullable = true)
        VolatilityLevel volatilityLevel,

        @Schema(description = "Seconds the model took", nullable = true)
        BigDecimal predictionTime,

        @Schema(description = "Notes", nullable = true) String notes,

        @Schema(description = "Debug information", nullable = true)
        Map<String, Object> debugInfo,

        @Schema(description = "When it was scored", nullable = true)
        Instant evaluatedAt,

        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
