package org.coinpilot.identity.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One login session of the caller. */
@Schema(description = "A login session")
public record SessionResponse(
        @Schema(description = "Session id") long id,

        @Schema(description = "User agent of the device that logged in", nullable = true)
        String userAgent,

        @Schema(description = "Client IP address at login or last refresh", nullable = true)
        String ipAddress,

        @Schema(description = "When the session started") Instant createdAt,

        @Schema(description = "Last login or refresh", nullable = true)
        Instant lastUsedAt,

        @Schema(description = "When its refresh tokens stop working")
        Instant expiresAt,

        @Schema(description = "True for the session of the calling access token")
        boolean current) {}
