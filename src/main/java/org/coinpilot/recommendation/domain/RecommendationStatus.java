package org.coinpilot.recommendation.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Lifecycle state of a recommendation. Stored lowercase in {@code ai_recommendations.status}. */
public enum RecommendationStatus {
    PENDING,
    APPROVED,
    FOLLOWED,
    IMPLEMENTED,
    IGNORED,
    EXPIRED,
    REJECTED;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<RecommendationStatus> {
        public Converter() {
            super(RecommendationStatus.class);
        }
    }
}
