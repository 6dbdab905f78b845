package org.coinpilot.recommendation.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Kind of entity a recommendation targets; selects the table of {@code target_entity_id}. Stored lowercase in {@code ai_recommendations.target_entity_type}. */
public enum TargetEntityType {
    PORTFOLIO,
    WATCHLIST,
    ASSET,
    USER,
    STRATEGY;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<TargetEntityType> {
        public Converter() {
            super(TargetEntityType.class);
        }
    }
}
