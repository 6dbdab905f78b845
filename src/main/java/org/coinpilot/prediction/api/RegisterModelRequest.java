package org.coinpilot.prediction.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.prediction.domain.ModelArchitecture;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.domain.ModelType;
import org.coinpilot.prediction.domain.TargetVariable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new version of a model. The definition (architecture, type, configuration, features, timeframe, target, input
 * schema) is fixed for the version: a change is a new version. Training results may follow with a PATCH.
 */
@Schema(description = "A new model version for the registry")
public record RegisterModelRequest(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = ModelNames.PATTERN, message = ModelNames.MESSAGE)
        @Schema(description = "Model name, shared by its versions", examples = "btc-drift")
        String name,

        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = ModelNames.PATTERN, message = ModelNames.MESSAGE)
        @Schema(description = "Version label, unique per name", examples = "2026.12.04-1")
        String version,

        @NotNull @Schema(description = "Architecture", examples = "REGRESSION")
        ModelArchitecture architecture,

        @NotNull @Schema(description = "The analysis layer it serves", examples = "ASSET")
        ModelType modelType,

        @Schema(description = "INACTIVE (default) or TRAINING; a version becomes ACTIVE only by activation")
        ModelStatus status,

        @Size(max = ModelNames.MAX_ENTRIES)
        @Schema(description = "Hyperparameters and settings (free-form object)", maxProperties = ModelNames.MAX_ENTRIES)
        Map<String, Object> configuration,

        @Size(max = ModelNames.MAX_ENTRIES)
        @Schema(description = "Names of the input features", examples = "[\"return_1\", \"rsi_14\"]")
        List<@NotBlank @Size(max = 100) String> trainingFeatures,

        @Valid @Schema(description = "Time range of the training data")
        TrainingRange trainingDataRange,

        @Schema(description = "Candle timeframe of the training data", examples = "1d")
        Timeframe trainingDataTimeframe,

        @Schema(description = "What it predicts", examples = "PRICE")
        TargetVariable targetVariable,

        @Size(max = ModelNames.MAX_ENTRIES)
        @Schema(description = "Schema of the inputs (free-form object)", maxProperties = ModelNames.MAX_ENTRIES)
        Map<String, Object> inputSchema,

        @Size(max = 4000) @Schema(description = "Free text about the training")
        String trainingNotes,

        @Size(max = ModelNames.MAX_ENTRIES)
        @Schema(
                description = "Performance summary, e.g. walk-forward metrics (free-form object)",
                maxProperties = ModelNames.MAX_ENTRIES)
        Map<String, Object> performanceMetrics,

        @Schema(description = "When it was last trained (not in the future)")
        Instant lastTrained) {

    /** The span of the training data; {@code from} before {@code to}. */
    @Schema(description = "Time range [from, to) of the training data")
    public record TrainingRange(
            @NotNull @Schema(description = "First instant") Instant from,

            @NotNull @Schema(description = "End instant (exclusive)")
            Instant to) {}
}
