package org.coinpilot.prediction.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.prediction.domain.ModelStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What may change on a registered version: its training results and operational state. Absent fields are kept. */
@Schema(description = "Training results and state of a model version; absent fields are kept")
public record UpdateModelRequest(
        @Schema(
                description = "TRAINING, INACTIVE or ERROR (ACTIVE only by activation); leaving ACTIVE makes the"
                        + " name have no active version")
        ModelStatus status,

        @Size(max = ModelNames.MAX_ENTRIES)
        @Schema(description = "Performance summary (replaces the stored one)", maxProperties = ModelNames.MAX_ENTRIES)
        Map<String, Object> performanceMetrics,

        @Size(max = ModelNames.MAX_ENTRIES)
        @Schema(description = "Health report (replaces the stored one)", maxProperties = ModelNames.MAX_ENTRIES)
        Map<String, Object> healthStatus,

        @Valid @Schema(description = "Time range of the training data")
        RegisterModelRequest.TrainingRange trainingDataRange,

        @Size(max = 4000) @Schema(description = "Free text about the training")
        String trainingNotes,

        @Schema(description = "When it was last trained (not in the future)")
        Instant lastTrained) {}
