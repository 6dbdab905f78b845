package org.coinpilot.recommendation.api;

import java.time.Instant;
import java.util.Map;
import org.coinpilot.recommendation.domain.PriorityLevel;
import org.coinpilot.recommendation.domain.RecommendationStatus;
import org.coinpilot.recommendation.domain.RecommendationType;
import org.coinpilot.recommendation.domain.TargetEntityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recommendation on one of the caller's entities (docs/recommendations.md). */
@Schema(description = "A recommendation with its lifecycle, feedback and outcome")
public record RecommendationResponse(
        @Schema(description = "Id") long id,

        @Schema(description = "ENTRY, EXIT, RISK_MANAGEMENT, REBALANCE, …")
        RecommendationType type,

        @Schema(description = "PENDING, APPROVED, FOLLOWED, IMPLEMENTED, IGNORED, EXPIRED or REJECTED")
        RecommendationStatus status,

        @Schema(description = "LOW, MEDIUM, HIGH or URGENT") PriorityLevel priority,

        @Schema(description = "WATCHLIST (an entry) or PORTFOLIO (a position)")
        TargetEntityType targetEntityType,

        @Schema(description = "Id of the watchlist or position", nullable = true)
        Long targetEntityId,

        @Schema(description = "Asset id", nullable = true) Long cryptoId,

        @Schema(description = "Why it exists, e.g. signal:42, stop_reached, no_stop, overweight", nullable = true)
        String cause,

        @Schema(description = "Title") String title,

        @Schema(description = "Summary", nullable = true) String summary,

        @Schema(description = "Structured payload: rule, inputs, numbers (incl. sizing) and plan", nullable = true)
        Map<String, Object> payload,

        @Schema(description = "Prediction it came from", nullable = true)
        Long predictionId,

        @Schema(description = "Your feedback", nullable = true)
        String feedback,

        @Schema(description = "Your rating, 1 to 5", nullable = true)
        Integer rating,

        @Schema(description = "What following it would have returned, once its horizon has passed", nullable = true)
        Map<String, Object> outcome,

        @Schema(description = "When it was approved or rejected", nullable = true)
        Instant reviewedAt,

        @Schema(description = "When it was followed or implemented", nullable = true)
        Instant implementedAt,

        @Schema(description = "When it expires while pending", nullable = true)
        Instant expiresAt,

        @Schema(description = "End of the horizon its outcome is judged over", nullable = true)
        Instant horizonEndsAt,

        @Schema(description = "Created") Instant createdAt,

        @Schema(description = "Last changed") Instant updatedAt) {}
