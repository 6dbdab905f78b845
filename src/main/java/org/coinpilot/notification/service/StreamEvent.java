package org.coinpilot.notification.service;

import org.coinpilot.notification.api.NotificationResponse;

/**
 * One thing written on a live stream: a notification (SSE event {@code notification}, id = notification id), or a
 * comment ({@code : connected} once the stream is registered and its replay sent, {@code : heartbeat}
 * periodically, {@code : shutdown} last when the replica shuts down and ends the stream).
 *
 * @param notification the notification, or null for a comment
 * @param comment the comment text, or null for a notification
 */
public record StreamEvent(NotificationResponse notification, String comment) {

    public static final String EVENT_NAME = "notification";

    /** The last comment of a stream the replica ends because it shuts down (the client reconnects elsewhere). */
    public static final String SHUTDOWN = "shutdown";

    static StreamEvent of(NotificationResponse notification) {
        return new StreamEvent(notification, null);
    }

    static StreamEvent comment(String text) {
        return new StreamEvent(null, text);
    }

    public boolean isComment() {
        return notification == null;
    }
}
