package org.coinpilot.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new machine client. */
@Schema(description = "A new service client")
public record ServiceClientRequest(
        @Schema(description = "Lowercase name, e.g. the model that will post predictions", examples = "lstm-forecaster")
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be lowercase letters, digits and dashes")
        String name,

        @Schema(description = "What the client is for") @Size(max = 5000)
        String notes) {}
