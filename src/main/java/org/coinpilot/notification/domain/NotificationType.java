package org.coinpilot.notification.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** What a notification is about. Stored lowercase in {@code notifications.notification_type}. */
public enum NotificationType {
    SIGNAL,
    ALERT,
    SYSTEM,
    EDUCATIONAL;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<NotificationType> {
        public Converter() {
            super(NotificationType.class);
        }
    }
}
