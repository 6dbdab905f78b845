package org.coinpilot.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.coinpilot.notification.domain.BroadcastAudience;
import org.coinpilot.notification.domain.NotificationPriority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A system notification for many users. */
@Schema(description = "A system notification sent to every user of an audience")
public record BroadcastRequest(
        @Schema(description = "Short title", maxLength = 200)
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String title,

        @Schema(description = "The text", maxLength = 5000)
        @NotBlank(message = "must not be blank")
        @Size(max = 5000, message = "must be at most 5000 characters")
        String message,

        @Schema(description = "LOW, NORMAL (default), HIGH or URGENT")
        NotificationPriority priority,

        @Schema(description = "Not shown or sent before this instant (not in the past); absent: at once")
        Instant scheduledFor,

        @Schema(description = "Hidden and never sent from this instant on (after now and after scheduledFor)")
        Instant expiresAt,

        @Schema(description = "ALL (default: every active admin and public user), ADMIN or PUBLIC")
        BroadcastAudience audience) {}
