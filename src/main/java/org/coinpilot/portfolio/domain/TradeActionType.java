package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Kind of journal entry on a position. Stored lowercase in {@code trade_actions.action_type}. */
public enum TradeActionType {
    BUY,
    SELL,
    PARTIAL_SELL,
    ENTRY,
    PARTIAL_EXIT,
    FULL_EXIT,
    MODIFY_SL,
    MODIFY_TP;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<TradeActionType> {
        public Converter() {
            super(TradeActionType.class);
        }
    }
}
