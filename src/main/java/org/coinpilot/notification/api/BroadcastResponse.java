package org.coinpilot.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a broadcast did. */
@Schema(description = "The broadcast's id and how many notifications it created")
public record BroadcastResponse(
        @Schema(
                description =
                        "The Idempotency-Key sent, or a generated id; its notifications carry it in data.broadcastId")
        String broadcastId,

        @Schema(description = "Notifications created by this request (0 when a request with this key already ran)")
        int created) {}
