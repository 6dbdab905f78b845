package org.coinpilot.prediction.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Volatility during a prediction (the seed lists no {@code extreme} here). Stored lowercase in {@code predictions.volatility_level}. */
public enum VolatilityLevel {
    LOW,
    MEDIUM,
    HIGH;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<VolatilityLevel> {
        public Converter() {
            super(VolatilityLevel.class);
        }
    }
}
