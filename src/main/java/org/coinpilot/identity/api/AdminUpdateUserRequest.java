package org.coinpilot.identity.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.identity.domain.SubscriptionPlan;
import org.coinpilot.identity.domain.UserRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Admin changes to an account; absent fields are left unchanged. Soft deletion is the deactivate endpoint. */
@Schema(description = "Admin changes to an account; absent fields stay unchanged")
public record AdminUpdateUserRequest(
        @Schema(description = "New role") UserRole role,

        @Schema(description = "false suspends the account (sessions revoked, logins refused) without deleting it")
        Boolean active,

        @Schema(description = "Admin notes; \"\" clears") @Size(max = 5000)
        String notes,

        @Schema(description = "Subscription plan") SubscriptionPlan subscriptionPlan,
        @Schema(description = "When the subscription ends") Instant subscriptionExpiresAt,

        @Schema(description = "Account balance (USD)")
        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 20, fraction = 8)
        BigDecimal accountBalance) {}
