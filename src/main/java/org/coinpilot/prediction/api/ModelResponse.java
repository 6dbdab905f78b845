package org.coinpilot.prediction.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.prediction.domain.ModelArchitecture;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.domain.ModelType;
import org.coinpilot.prediction.domain.TargetVariable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a model in the registry. */
@Schema(description = "A model version")
public record ModelResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Model name") String name,
        @Schema(description = "Version label") String version,
        @Schema(description = "Architecture") ModelArchitecture architecture,
        @Schema(description = "Analysis layer") ModelType modelType,

        @Schema(description = "ACTIVE, TRAINING, INACTIVE or ERROR")
        ModelStatus status,

        @Schema(description = "The active version of its name (at most one per name)")
        boolean active,

        @Schema(description = "Hyperparameters and settings", nullable = true)
        Map<String, Object> configuration,

        @Schema(description = "Input feature names", nullable = true)
        List<String> trainingFeatures,

        @Schema(description = "Time range of the training data ({from, to})", nullable = true)
        Map<String, Object> trainingDataRange,

        @Schema(description = "Candle timeframe of the training data", nullable = true)
        Timeframe trainingDataTimeframe,

        @Schema(description = "What it predicts", nullable = true)
        TargetVariable targetVariable,

        @Schema(description = "Schema of the inputs", nullable = true)
        Map<String, Object> inputSchema,

        @Schema(description = "Training notes", nullable = true)
        String trainingNotes,

        @Schema(description = "Performance summary", nullable = true)
        Map<String, Object> performanceMetrics,

        @Schema(description = "Health report", nullable = true)
        Map<String, Object> healthStatus,

        @Schema(description = "When it was last trained", nullable = true)
        Instant lastTrained,

        @Schema(description = "When it last made a prediction", nullable = true)
        Instant lastPrediction,

        @Schema(description = "Registered") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
