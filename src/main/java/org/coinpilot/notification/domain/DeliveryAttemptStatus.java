package org.coinpilot.notification.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Outcome of one delivery attempt ({@code notification_delivery_attempts.status}). */
public enum DeliveryAttemptStatus {
    SENT,
    FAILED,
    HELD;

    /** The lowercase column value. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant of a lowercase column value. */
    public static DeliveryAttemptStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<DeliveryAttemptStatus> {
        public Converter() {
            super(DeliveryAttemptStatus.class);
        }
    }
}
