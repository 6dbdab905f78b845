package org.coinpilot.signal.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Lifecycle state of a signal. Stored lowercase in {@code trading_signals.status}. */
public enum SignalStatus {
    ACTIVE,
    EXECUTED,
    EXPIRED,
    CANCELLED;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<SignalStatus> {
        public Converter() {
            super(SignalStatus.class);
        }
    }
}
