package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Risk profile of a position. Stored lowercase in {@code portfolio.risk_category}. */
public enum RiskCategory {
    CONSERVATIVE,
    MODERATE,
    AGGRESSIVE;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<RiskCategory> {
        public Converter() {
            super(RiskCategory.class);
        }
    }
}
