package org.coinpilot.alert.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** What an alert rule watches. Stored lowercase in {@code signal_alerts.alert_type}. */
public enum AlertType {
    PRICE_TARGET,
    SIGNAL_GENERATED,
    VOLUME_SPIKE,
    PERCENTAGE_CHANGE,
    INDICATOR;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<AlertType> {
        public Converter() {
            super(AlertType.class);
        }
    }
}
