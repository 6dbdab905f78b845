package org.coinpilot.notification.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Read state of a notification. Stored lowercase in {@code notifications.status}. */
public enum NotificationStatus {
    UNREAD,
    READ,
    DISMISSED;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<NotificationStatus> {
        public Converter() {
            super(NotificationStatus.class);
        }
    }
}
