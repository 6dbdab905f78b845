package org.coinpilot.recommendation.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Urgency of a recommendation. Stored lowercase in {@code ai_recommendations.priority_level}. */
public enum PriorityLevel {
    LOW,
    MEDIUM,
    HIGH,
    URGENT;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<PriorityLevel> {
        public Converter() {
            super(PriorityLevel.class);
        }
    }
}
