package org.coinpilot.portfolio.domain;

import jakarta.persistence.AttributeConverter;

/**
 * A chart timeframe, stored as its code ({@code 1m} … {@code 1w}) in {@code trade_actions.timeframe}. The codes start with a digit,
 * so the constants carry them instead of being their lowercase names.
 */
public enum Timeframe {
    M1("1m"),
    M5("5m"),
    M15("15m"),
    H1("1h"),
    H4("4h"),
    D1("1d"),
    W1("1w");

    public final String code;

    Timeframe(String code) {
        this.code = code;
    }

    /** The constant of {@code code}; unknown codes fail with {@link IllegalArgumentException}. */
    public static Timeframe fromCode(String code) {
        for (Timeframe timeframe : values()) {
            if (timeframe.code.equals(code)) {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("Unknown timeframe: " + code);
    }

    /** Maps to the code column value. */
    public static class Converter implements AttributeConverter<Timeframe, String> {
        @Override
        public String convertToDatabaseColumn(Timeframe value) {
            return value == null ? null : value.code;
        }

        @Override
        public Timeframe convertToEntityAttribute(String column) {
            return column == null ? null : fromCode(column);
        }
    }
}
