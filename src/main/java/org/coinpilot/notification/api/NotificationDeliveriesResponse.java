package org.coinpilot.notification.api;

import java.time.Instant;
import java.util.List;
import org.coinpilot.notification.domain.DeliveryAttemptStatus;
import org.coinpilot.notification.domain.DeliveryChannel;
import org.coinpilot.notification.domain.DeliveryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The delivery log of one notification. */
@Schema(description = "External deliveries of a notification (webhook, email) with every attempt")
public record NotificationDeliveriesResponse(
        @Schema(description = "Notification id") long notificationId,
        @Schema(description = "One entry per channel") List<Delivery> items) {

    @Schema(description = "Delivery of the notification through one channel")
    public record Delivery(
            @Schema(description = "Delivery id (sent to webhooks as deliveryId)")
            long id,

            @Schema(description = "Channel") DeliveryChannel channel,

            @Schema(
                    description =
                            "PENDING (due at nextAttemptAt), HELD (quiet hours, due when they end), SENT, GAVE_UP")
            DeliveryStatus status,

            @Schema(description = "Attempts so far") int attempts,

            @Schema(description = "When it is due next (PENDING, HELD)", nullable = true)
            Instant nextAttemptAt,

            @Schema(description = "When the channel accepted it", nullable = true)
            Instant sentAt,

            @Schema(description = "Error of the latest failed attempt", nullable = true)
            String lastError,

            @Schema(description = "Idempotency key (header Coinpilot-Idempotency-Key)", examples = "42:webhook")
            String idempotencyKey,

            @Schema(description = "When it was created") Instant createdAt,
            @Schema(description = "Attempts, oldest first") List<Attempt> attemptLog) {}

    @Schema(description = "One delivery attempt")
    public record Attempt(
            @Schema(description = "Attempt number, from 1") int attempt,

            @Schema(description = "SENT, FAILED or HELD (quiet hours)")
            DeliveryAttemptStatus status,

            @Schema(description = "The receiver's HTTP status (webhook)", nullable = true)
            Integer httpStatus,

            @Schema(description = "What went wrong", nullable = true)
            String error,

            @Schema(description = "Duration in milliseconds", nullable = true)
            Integer latencyMs,

            @Schema(description = "When") Instant attemptedAt) {}
}
