package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Volatility when the trade was made. Stored lowercase in {@code trade_actions.volatility_level}. */
public enum VolatilityLevel {
    LOW,
    MEDIUM,
    HIGH,
    EXTREME;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<VolatilityLevel> {
        public Converter() {
            super(VolatilityLevel.class);
        }
    }
}
