package org.coinpilot.recommendation.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Kind of advice. Stored lowercase in {@code ai_recommendations.recommendation_type}. */
public enum RecommendationType {
    ENTRY,
    EXIT,
    RISK_MANAGEMENT,
    REBALANCE,
    ALLOCATION,
    POSITION_SIZING,
    LEARNING;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<RecommendationType> {
        public Converter() {
            super(RecommendationType.class);
        }
    }
}
