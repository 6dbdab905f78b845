package org.coinpilot.macro.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link MarketRegime} to its lowercase database value. */
@Converter(autoApply = false)
public class MarketRegimeConverter implements AttributeConverter<MarketRegime, String> {

    @Override
    public String convertToDatabaseColumn(MarketRegime regime) {
        return regime == null ? null : regime.dbValue();
    }

    @Override
    public MarketRegime convertToEntityAttribute(String value) {
        return value == null ? null : MarketRegime.fromDbValue(value);
    }
}
