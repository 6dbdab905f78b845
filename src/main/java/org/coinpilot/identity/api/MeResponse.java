package org.coinpilot.identity.api;

import java.time.Instant;
import java.util.Map;
import org.coinpilot.identity.domain.SubscriptionPlan;
import org.coinpilot.identity.domain.UserRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's own account. */
@Schema(description = "Your account and profile")
public record MeResponse(
        @Schema(description = "User id") long id,
        @Schema(description = "Email address") String email,
        @Schema(description = "First name", nullable = true) String firstName,
        @Schema(description = "Last name", nullable = true) String lastName,
        @Schema(description = "Role") UserRole role,

        @Schema(description = "Whether the email address was confirmed")
        boolean verified,

        @Schema(description = "Short biography", nullable = true)
        String bio,

        @Schema(description = "URL of the profile picture", nullable = true)
        String profilePictureUrl,

        @Schema(description = "IANA time zone", examples = "Europe/Paris")
        String timezone,

        @Schema(description = "BCP 47 language tag", examples = "en")
        String language,

        @Schema(
                description =
                        "Free-form preferences (JSON object, one level of nesting); the notification settings are under /api/v1/notifications/preferences")
        Map<String, Object> preferences,

        @Schema(description = "Your code to invite others", nullable = true)
        String referralCode,

        @Schema(description = "How many users registered with your code")
        int referralCount,

        @Schema(description = "Subscription plan") SubscriptionPlan subscriptionPlan,

        @Schema(description = "When the subscription ends", nullable = true)
        Instant subscriptionExpiresAt,

        @Schema(description = "Previous successful login", nullable = true)
        Instant lastLogin,

        @Schema(description = "Number of successful logins") int loginCount,

        @Schema(description = "When the account was created")
        Instant createdAt) {}
