package org.coinpilot.notification.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** State of an outbox row ({@code notification_deliveries.status}): pending (due at next_attempt_at), held (quiet hours; due when they end), sent, gave_up (max attempts failed, or no longer deliverable). */
public enum DeliveryStatus {
    PENDING,
    HELD,
    SENT,
    GAVE_UP;

    /** The lowercase column value. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant of a lowercase column value. */
    public static DeliveryStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<DeliveryStatus> {
        public Converter() {
            super(DeliveryStatus.class);
        }
    }
}
