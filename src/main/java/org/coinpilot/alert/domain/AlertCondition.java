package org.coinpilot.alert.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** How the watched value is compared with {@code trigger_value}. Stored lowercase in {@code signal_alerts.condition}. */
public enum AlertCondition {
    ABOVE,
    BELOW,
    EQUALS,
    CROSSES,
    CROSSES_UP,
    CROSSES_DOWN,
    PERCENTAGE_CHANGE,
    MOVES_UP,
    MOVES_DOWN,
    SPIKE;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<AlertCondition> {
        public Converter() {
            super(AlertCondition.class);
        }
    }
}
