package org.coinpilot.signal.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Direction of a signal. Stored lowercase in {@code trading_signals.signal_type}. */
public enum SignalType {
    LONG,
    SHORT;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<SignalType> {
        public Converter() {
            super(SignalType.class);
        }
    }
}
