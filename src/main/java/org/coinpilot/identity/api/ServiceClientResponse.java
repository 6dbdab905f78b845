package org.coinpilot.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The credentials of a new service client; the secret is shown this once. */
@Schema(description = "Credentials of the new service client; the secret is never shown again")
public record ServiceClientResponse(
        @Schema(description = "User id of the client") long userId,

        @Schema(
                description = "client_id for POST /api/v1/auth/token",
                examples = "lstm-forecaster@service.coinpilot.internal")
        String clientId,

        @Schema(description = "client_secret for POST /api/v1/auth/token (store it now)")
        String clientSecret) {}
