package org.coinpilot.notification.service;

import java.util.List;
import org.coinpilot.notification.api.NotificationResponse;
import org.coinpilot.notification.domain.Notification;

/** Maps notifications to what their owner sees; the one mapping of the list, the single view and the stream. */
final class NotificationViews {

    private NotificationViews() {}

    static NotificationResponse response(Notification n) {
        return new NotificationResponse(
                n.id,
                n.notificationType,
                n.title,
                n.message,
                n.data,
                n.status,
                n.priority,
                n.alertId,
                n.channels == null ? List.of() : List.copyOf(n.channels),
                n.createdAt,
                n.scheduledFor,
                n.sentAt,
                n.readAt,
                n.expiresAt);
    }
}
