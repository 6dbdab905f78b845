package org.coinpilot.common.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.time.Duration;

/**
 * A candle interval / chart timeframe. On the wire and in every {@code timeframe} column it is its code
 * ({@code 1m} … {@code 1w}); the one definition shared by market data, indicators, analysis layers, the
 * journal and the model registry.
 */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1)),
    W1("1w", Duration.ofDays(7));

    private final String code;
    private final Duration duration;

    Timeframe(String code, Duration duration) {
        this.code = code;
        this.duration = duration;
    }

    /** The code used on the wire and in the database, e.g. {@code 15m}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The length of one candle. */
    public Duration duration() {
        return duration;
    }

    /** The timeframe of {@code code}; unknown codes fail with {@link IllegalArgumentException}. */
    @JsonCreator
    public static Timeframe fromCode(String code) {
        for (Timeframe timeframe : values()) {
            if (timeframe.code.equals(code)) {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("Unknown timeframe: " + code);
    }

    /** JPA mapping to the code column value (use with {@code @Convert(converter = Timeframe.Converter.class)}). */
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
