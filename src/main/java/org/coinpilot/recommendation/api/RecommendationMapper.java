package org.coinpilot.recommendation.api;

import org.coinpilot.recommendation.domain.AiRecommendation;

/** Entity to response (plain static methods, as the portfolio feature). */
public final class RecommendationMapper {

    private RecommendationMapper() {}

    public static RecommendationResponse recommendation(AiRecommendation r) {
        return new RecommendationResponse(
                r.id,
                r.recommendationType,
                r.status,
                r.priorityLevel,
                r.targetEntityType,
                r.targetEntityId,
                r.cryptoId,
                r.causeKey,
                r.recommendationTitle,
                r.recommendationSummary,
                r.recommendationPayload,
                r.predictionId,
                r.userFeedback,
                r.userRating,
                r.outcomeResult,
                r.reviewedAt,
                r.implementedAt,
                r.expiresAt,
                r.horizonEndsAt,
                r.createdAt,
                r.updatedAt);
    }
}
