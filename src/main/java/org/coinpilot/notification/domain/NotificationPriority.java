package org.coinpilot.notification.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Priority of a notification. Stored lowercase in {@code notifications.priority}. */
public enum NotificationPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<NotificationPriority> {
        public Converter() {
            super(NotificationPriority.class);
        }
    }
}
