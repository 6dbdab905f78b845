package org.coinpilot.alert.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/**
 * How often an alert fires. Stored lowercase in {@code signal_alerts.frequency}.
 *
 * <ul>
 *   <li>{@code ONCE}: fires on the first closed candle that meets the condition, then is triggered (disarmed).
 *   <li>{@code EVERY_TIME}: fires on every new closed candle that meets the condition, at most once per
 *       {@code cooldown_seconds}.
 *   <li>{@code ONCE_PER_CANDLE}: fires on every new closed candle that meets the condition.
 * </ul>
 */
public enum AlertFrequency {
    ONCE,
    EVERY_TIME,
    ONCE_PER_CANDLE;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<AlertFrequency> {
        public Converter() {
            super(AlertFrequency.class);
        }
    }
}
