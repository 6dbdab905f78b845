package org.coinpilot.alert.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Channel a triggered alert is delivered through. Stored lowercase in {@code signal_alerts.notification_method}. */
public enum NotificationMethod {
    EMAIL,
    PUSH,
    SMS,
    IN_APP,
    WEBHOOK;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<NotificationMethod> {
        public Converter() {
            super(NotificationMethod.class);
        }
    }
}
