package org.coinpilot.identity.api;

import java.time.Instant;
import org.coinpilot.common.paging.PageResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's referral code and the users who registered with it. */
@Schema(description = "Your referral code and the users you referred")
public record ReferralsResponse(
        @Schema(description = "Your code", nullable = true) String referralCode,

        @Schema(description = "How many users registered with it")
        int referralCount,

        @Schema(description = "The referred users, newest first")
        PageResponse<ReferredUser> referred) {

    /** A referred user, with a masked email. */
    @Schema(name = "ReferredUser", description = "A user who registered with your code")
    public record ReferredUser(
            @Schema(description = "First name", nullable = true)
            String firstName,

            @Schema(description = "Masked email", examples = "a***@example.com")
            String email,

            @Schema(description = "Whether they confirmed their email")
            boolean verified,

            @Schema(description = "When they registered") Instant joinedAt) {}
}
