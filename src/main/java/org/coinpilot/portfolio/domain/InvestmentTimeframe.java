package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Intended holding period of a position. Stored lowercase in {@code portfolio.investment_timeframe}. */
public enum InvestmentTimeframe {
    SHORT_TERM,
    MEDIUM_TERM,
    LONG_TERM;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<InvestmentTimeframe> {
        public Converter() {
            super(InvestmentTimeframe.class);
        }
    }
}
