package org.coinpilot.market.domain;

/**
 * Candle interval / timeframe, stored as its code ({@code 1m} … {@code 1w}) in every timeframe column
 * ({@code price_data}, {@code price_data_archive}, {@code macro_indicators}, …). Other features may reuse it.
 */
public enum Timeframe {
    ONE_MINUTE("1m"),
    FIVE_MINUTES("5m"),
    FIFTEEN_MINUTES("15m"),
    ONE_HOUR("1h"),
    FOUR_HOURS("4h"),
    ONE_DAY("1d"),
    ONE_WEEK("1w");

    private final String code;

    Timeframe(String code) {
        this.code = code;
    }

    /** The code stored in the database and used on the wire, e.g. {@code 15m}. */
    public String code() {
        return code;
    }

    public static Timeframe fromCode(String code) {
        for (Timeframe timeframe : values()) {
            if (timeframe.code.equals(code)) {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("Unknown timeframe: " + code);
    }
}
