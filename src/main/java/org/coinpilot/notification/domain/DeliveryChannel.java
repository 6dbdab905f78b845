package org.coinpilot.notification.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** An external channel a notification is delivered to. Stored lowercase in {@code notification_deliveries.channel}. */
public enum DeliveryChannel {
    WEBHOOK,
    EMAIL;

    /** The lowercase column value. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant of a lowercase column value. */
    public static DeliveryChannel fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<DeliveryChannel> {
        public Converter() {
            super(DeliveryChannel.class);
        }
    }
}
