package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Lifecycle state of a position. Stored lowercase in {@code portfolio.trade_status}. */
public enum TradeStatus {
    OPEN,
    REDUCING,
    CLOSED,
    ACCUMULATING,
    EXIT_PLAN;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<TradeStatus> {
        public Converter() {
            super(TradeStatus.class);
        }
    }
}
