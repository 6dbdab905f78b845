package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Market sentiment when the trade was made. Stored lowercase in {@code trade_actions.market_sentiment}. */
public enum MarketSentiment {
    BULLISH,
    BEARISH,
    SIDEWAYS;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<MarketSentiment> {
        public Converter() {
            super(MarketSentiment.class);
        }
    }
}
