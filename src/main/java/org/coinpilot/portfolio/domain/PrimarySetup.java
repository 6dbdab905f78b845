package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** The chart setup the trade was based on. Stored lowercase in {@code trade_actions.primary_setup}. */
public enum PrimarySetup {
    BREAKOUT,
    PULLBACK,
    REVERSAL,
    TREND_FOLLOW;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<PrimarySetup> {
        public Converter() {
            super(PrimarySetup.class);
        }
    }
}
