package org.coinpilot.signal.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/**
 * What the candles after a signal did (docs/signals.md "Scoring"): its target or its stop was hit first, or neither
 * before its expiry. Stored lowercase in {@code trading_signals.outcome}.
 */
public enum SignalOutcome {
    HIT_TARGET,
    HIT_STOP,
    NEITHER;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<SignalOutcome> {
        public Converter() {
            super(SignalOutcome.class);
        }
    }
}
