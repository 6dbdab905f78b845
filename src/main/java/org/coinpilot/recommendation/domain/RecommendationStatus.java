package org.coinpilot.recommendation.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/**
 * Lifecycle state of a recommendation. Stored lowercase in {@code ai_recommendations.status}. The legal transitions
 * (docs/recommendations.md, "Lifecycle"): {@code PENDING → APPROVED | REJECTED | IGNORED | EXPIRED} and {@code APPROVED
 * → FOLLOWED | IMPLEMENTED}; nothing else, and nothing leaves FOLLOWED, IMPLEMENTED, IGNORED, EXPIRED or REJECTED.
 */
public enum RecommendationStatus {
    PENDING,
    APPROVED,
    FOLLOWED,
    IMPLEMENTED,
    IGNORED,
    EXPIRED,
    REJECTED;

    /** Whether a recommendation in this state may move to {@code next}. */
    public boolean canBecome(RecommendationStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REJECTED || next == IGNORED || next == EXPIRED;
            case APPROVED -> next == FOLLOWED || next == IMPLEMENTED;
            default -> false;
        };
    }

    /** Whether a user may ask for {@code next}: every target but PENDING and EXPIRED (the expiry job's). */
    public static boolean requestable(RecommendationStatus next) {
        return next != PENDING && next != EXPIRED;
    }

    /** Open recommendations (pending or approved) are never duplicated by the generator. */
    public boolean isOpen() {
        return this == PENDING || this == APPROVED;
    }

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<RecommendationStatus> {
        public Converter() {
            super(RecommendationStatus.class);
        }
    }
}
