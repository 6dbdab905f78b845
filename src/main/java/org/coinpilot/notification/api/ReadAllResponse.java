package org.coinpilot.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of marking every notification read. */
@Schema(description = "How many notifications were marked read")
public record ReadAllResponse(
        @Schema(description = "Visible unread notifications now read")
        int marked) {}
