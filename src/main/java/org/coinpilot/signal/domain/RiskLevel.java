package org.coinpilot.signal.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Risk of acting on a signal. Stored lowercase in {@code trading_signals.risk_level}. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    EXTREME;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<RiskLevel> {
        public Converter() {
            super(RiskLevel.class);
        }
    }
}
