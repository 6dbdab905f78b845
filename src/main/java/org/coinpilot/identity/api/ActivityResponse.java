package org.coinpilot.identity.api;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the audit trail. */
@Schema(description = "An audit trail entry")
public record ActivityResponse(
        @Schema(description = "Activity id") long id,
        @Schema(description = "User who acted") long userId,

        @Schema(description = "What happened", examples = "login")
        String activityType,

        @Schema(description = "Type of the entity acted on", examples = "user", nullable = true)
        String entityType,

        @Schema(description = "Id of the entity acted on", nullable = true)
        Long entityId,

        @Schema(description = "Verb", examples = "update", nullable = true)
        String action,

        @Schema(description = "Details, e.g. the changed fields", nullable = true)
        Map<String, Object> details,

        @Schema(description = "Client IP address", nullable = true)
        String ipAddress,

        @Schema(description = "User agent", nullable = true) String userAgent,

        @Schema(description = "Session the action was made in", nullable = true)
        Long sessionId,

        @Schema(description = "When") Instant createdAt) {}
