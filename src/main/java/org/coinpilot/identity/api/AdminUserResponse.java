package org.coinpilot.identity.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.identity.domain.SubscriptionPlan;
import org.coinpilot.identity.domain.UserRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user account as administrators see it. */
@Schema(description = "A user account (admin view)")
public record AdminUserResponse(
        @Schema(description = "User id") long id,
        @Schema(description = "Email address") String email,
        @Schema(description = "First name", nullable = true) String firstName,
        @Schema(description = "Last name", nullable = true) String lastName,
        @Schema(description = "Role") UserRole role,
        @Schema(description = "False when deactivated") boolean active,
        @Schema(description = "Email confirmed") boolean verified,
        @Schema(description = "Successful logins") int loginCount,

        @Schema(description = "Last successful login", nullable = true)
        Instant lastLogin,

        @Schema(description = "Consecutive failed logins") int failedLoginAttempts,

        @Schema(description = "Locked until this instant (absent or past: not locked)", nullable = true)
        Instant lockoutExpires,

        @Schema(description = "Referral code", nullable = true)
        String referralCode,

        @Schema(description = "Id of the referrer", nullable = true)
        Long referredBy,

        @Schema(description = "Users referred") int referralCount,
        @Schema(description = "Account balance (USD)") BigDecimal accountBalance,
        @Schema(description = "Subscription plan") SubscriptionPlan subscriptionPlan,

        @Schema(description = "When the subscription ends", nullable = true)
        Instant subscriptionExpiresAt,

        @Schema(description = "Admin notes", nullable = true)
        String notes,

        @Schema(description = "When the account was deleted (soft delete)", nullable = true)
        Instant deletedAt,

        @Schema(description = "Who deleted it", nullable = true)
        Long deletedBy,

        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
