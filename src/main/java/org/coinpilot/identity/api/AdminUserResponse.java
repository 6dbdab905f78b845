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
        @Schema(description = "First name") String firstName,
        @Schema(description = "Last name") String lastName,
        @Schema(description = "Role") UserRole role,
        @Schema(description = "False when deactivated") boolean active,
        @Schema(description = "Email confirmed") boolean verified,
        @Schema(description = "Successful logins") int loginCount,
        @Schema(description = "Last successful login") Instant lastLogin,
        @Schema(description = "Consecutive failed logins") int failedLoginAttempts,

        @Schema(description = "Locked until this instant (absent or past: not locked)")
        Instant lockoutExpires,

        @Schema(description = "Referral code") String referralCode,
        @Schema(description = "Id of the referrer") Long referredBy,
        @Schema(description = "Users referred") int referralCount,
        @Schema(description = "Account balance (USD)") BigDecimal accountBalance,
        @Schema(description = "Subscription plan") SubscriptionPlan subscriptionPlan,
        @Schema(description = "When the subscription ends") Instant subscriptionExpiresAt,
        @Schema(description = "Admin notes") String notes,

        @Schema(description = "When the account was deleted (soft delete)")
        Instant deletedAt,

        @Schema(description = "Who deleted it") Long deletedBy,
        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
