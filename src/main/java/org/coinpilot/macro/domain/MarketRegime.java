package org.coinpilot.macro.domain;

import java.util.Locale;

/** Market regime ({@code market_regime_analysis.regime}); stored lowercase. */
public enum MarketRegime {
    BULL,
    BEAR,
    SIDEWAYS;

    /** The value stored in the database. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MarketRegime fromDbValue(String value) {
        for (MarketRegime regime : values()) {
            if (regime.dbValue().equals(value)) {
                return regime;
            }
        }
        throw new IllegalArgumentException("Unknown market regime: " + value);
    }
}
