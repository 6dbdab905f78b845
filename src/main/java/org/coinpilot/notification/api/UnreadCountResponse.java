package org.coinpilot.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The unread badge. */
@Schema(description = "How many visible notifications are unread")
public record UnreadCountResponse(
        @Schema(description = "Visible unread notifications")
        long unread) {}
