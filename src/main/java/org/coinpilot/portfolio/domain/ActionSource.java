package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Who or what originated the trade. Stored lowercase in {@code trade_actions.action_source}. */
public enum ActionSource {
    MANUAL,
    AI_SIGNAL,
    COPY_TRADE,
    ALGORITHM;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<ActionSource> {
        public Converter() {
            super(ActionSource.class);
        }
    }
}
