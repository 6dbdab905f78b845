package org.coinpilot.prediction.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** What a model predicts. Stored lowercase in {@code ai_models.target_variable}. */
public enum TargetVariable {
    PRICE,
    TREND,
    VOLATILITY,
    EVENT_PROBABILITY;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<TargetVariable> {
        public Converter() {
            super(TargetVariable.class);
        }
    }
}
