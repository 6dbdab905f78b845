package org.coinpilot.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new account. The password policy (length, not the email, not common) is checked by the service. */
@Schema(description = "A new account")
public record RegisterRequest(
        @Schema(description = "Email address, the login name", examples = "ada@example.com")
        @NotBlank
        @Email
        @Size(max = 320)
        String email,

        @Schema(
                description = "At least 10 characters, not the email, not a common password",
                examples = "correct horse battery")
        @NotBlank
        @Size(min = 10, max = 72, message = "must be between 10 and 72 characters")
        String password,

        @Schema(description = "First name", examples = "Ada") @Size(max = 100)
        String firstName,

        @Schema(description = "Last name", examples = "Lovelace") @Size(max = 100)
        String lastName,

        @Schema(description = "Referral code of the user who invited you", examples = "7KQ2M9XPAB")
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9]+", message = "must contain letters and digits only")
        String referralCode) {}
