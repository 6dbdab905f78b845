package org.coinpilot.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Small request bodies of the email verification and password reset flows. */
public final class TokenRequestBodies {

    private TokenRequestBodies() {}

    /** A single-use token received by mail. */
    @Schema(name = "MailTokenRequest", description = "A token received by mail")
    public record MailToken(
            @Schema(description = "The token from the mail link") @NotBlank @Size(max = 200)
            String token) {}

    /** An email address. */
    @Schema(name = "EmailRequest", description = "An email address")
    public record EmailAddress(
            @Schema(examples = "ada@example.com") @NotBlank @Email @Size(max = 320)
            String email) {}

    /** A reset token and the new password. */
    @Schema(name = "ResetPasswordRequest", description = "A reset token and the new password")
    public record ResetPassword(
            @Schema(description = "The token from the reset mail") @NotBlank @Size(max = 200)
            String token,

            @Schema(description = "At least 10 characters, not the email, not a common password")
            @NotBlank
            @Size(min = 10, max = 72, message = "must be between 10 and 72 characters")
            String newPassword) {}

    /** The current and the new password. */
    @Schema(name = "ChangePasswordRequest", description = "The current and the new password")
    public record ChangePassword(
            @Schema(description = "The current password") @NotBlank @Size(max = 200)
            String currentPassword,

            @Schema(description = "At least 10 characters, not the email, not a common password")
            @NotBlank
            @Size(min = 10, max = 72, message = "must be between 10 and 72 characters")
            String newPassword) {}
}
