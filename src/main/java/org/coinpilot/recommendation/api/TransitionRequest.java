package org.coinpilot.recommendation.api;

import jakarta.validation.constraints.NotNull;
import org.coinpilot.recommendation.domain.RecommendationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves a recommendation to another state (docs/recommendations.md, "Lifecycle"). */
@Schema(description = "The state to move to")
public record TransitionRequest(
        @NotNull
        @Schema(
                description = "APPROVED, REJECTED or IGNORED from PENDING; FOLLOWED or IMPLEMENTED from APPROVED",
                examples = "APPROVED")
        RecommendationStatus status) {}
