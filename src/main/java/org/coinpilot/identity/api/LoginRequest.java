package org.coinpilot.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Email and password. */
@Schema(description = "Credentials")
public record LoginRequest(
        @Schema(examples = "ada@example.com") @NotBlank @Email @Size(max = 320)
        String email,

        @Schema(examples = "correct horse battery") @NotBlank @Size(max = 200)
        String password) {}
