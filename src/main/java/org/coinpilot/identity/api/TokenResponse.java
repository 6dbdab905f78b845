package org.coinpilot.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Tokens of a login, a refresh or a client-credentials grant. */
@Schema(description = "An access token and, for user sessions, the next refresh token")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @Schema(description = "RS256 JWT; send as Authorization: Bearer")
        String accessToken,

        @Schema(description = "Always Bearer", examples = "Bearer")
        String tokenType,

        @Schema(description = "Seconds until the access token expires", examples = "900")
        long expiresIn,

        @Schema(description = "Opaque, single use: the next refresh returns a new one; absent for service clients")
        String refreshToken,

        @Schema(description = "When the session (and every refresh token of it) expires")
        Instant refreshTokenExpiresAt) {}
