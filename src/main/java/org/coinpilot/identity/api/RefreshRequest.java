package org.coinpilot.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refresh token from login or from the previous refresh. */
@Schema(description = "A refresh token")
public record RefreshRequest(
        @Schema(description = "The latest refresh token; each one works once") @NotBlank @Size(max = 200)
        String refreshToken) {}
