package org.coinpilot.market.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link Timeframe} to its code ({@code 1m} … {@code 1w}). */
@Converter(autoApply = false)
public class TimeframeConverter implements AttributeConverter<Timeframe, String> {

    @Override
    public String convertToDatabaseColumn(Timeframe timeframe) {
        return timeframe == null ? null : timeframe.code();
    }

    @Override
    public Timeframe convertToEntityAttribute(String code) {
        return code == null ? null : Timeframe.fromCode(code);
    }
}
