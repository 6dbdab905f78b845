package org.coinpilot.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OAuth 2 style client-credentials grant of a service client (JSON body). */
@Schema(description = "Client credentials of a service client")
public record ClientTokenRequest(
        @Schema(description = "Only client_credentials", examples = "client_credentials")
        @NotBlank
        @Size(max = 18)
        @Pattern(regexp = "client_credentials", message = "must be client_credentials")
        String grantType,

        @Schema(description = "The client id given when the client was created") @NotBlank @Size(max = 320)
        String clientId,

        @Schema(description = "The client secret given when the client was created") @NotBlank @Size(max = 200)
        String clientSecret) {}
