package org.coinpilot.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.domain.NotificationStatus;
import org.coinpilot.notification.domain.NotificationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notification as its owner sees it: a list row, the single view and the data of a live-stream event. */
@Schema(description = "A notification of the caller")
public record NotificationResponse(
        @Schema(description = "Id; also the id of its live-stream event")
        long id,

        @Schema(description = "What it is about: ALERT, SIGNAL, SYSTEM or EDUCATIONAL")
        NotificationType type,

        @Schema(description = "Short title") String title,
        @Schema(description = "The text") String message,

        @Schema(description = "Details of its cause (for an alert: alertId, symbol, condition, candleTime, value, …)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Object> data,

        @Schema(description = "UNREAD or READ") NotificationStatus status,
        @Schema(description = "LOW, NORMAL, HIGH or URGENT") NotificationPriority priority,

        @Schema(description = "The alert that fired it, if any") @JsonInclude(JsonInclude.Include.NON_NULL)
        Long alertId,

        @Schema(description = "External channels its cause asked for (webhook, email)")
        List<String> channels,

        @Schema(description = "When it was created") Instant createdAt,

        @Schema(description = "Not shown before this instant; absent: at once")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant scheduledFor,

        @Schema(description = "When it was released to the live stream and the delivery channels; absent: not yet")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant sentAt,

        @Schema(description = "When you read it") @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant readAt,

        @Schema(description = "Hidden from this instant on; absent: never") @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant expiresAt) {}
