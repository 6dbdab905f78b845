package org.coinpilot.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Email and password, and the mailed sign-in code when the account asked for one. */
@Schema(description = "Credentials")
public record LoginRequest(
        @Schema(examples = "ada@example.com") @NotBlank @Email @Size(max = 320)
        String email,

        @Schema(examples = "correct horse battery") @NotBlank @Size(max = 200)
        String password,

        @Schema(
                description = "The 8-digit sign-in code mailed after an answer LOGIN_CODE_REQUIRED; otherwise absent",
                examples = "04711235")
        @Size(max = 8)
        @Pattern(regexp = "[0-9]{8}", message = "must be the 8 digits of the mailed code")
        String loginCode) {}
