package org.coinpilot.identity.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.coinpilot.identity.domain.SubscriptionPlan;
import org.coinpilot.identity.domain.UserRole;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters and sort of the admin user list. */
public class AdminUserQuery {

    @QueryParam("role")
    @Parameter(description = "ADMIN, PUBLIC or SERVICE")
    public UserRole role;

    @QueryParam("active")
    @Parameter(description = "true: active accounts; false: deactivated")
    public Boolean active;

    @QueryParam("verified")
    @Parameter(description = "Email confirmed or not")
    public Boolean verified;

    @QueryParam("plan")
    @Parameter(description = "FREE, BASIC, PRO or ENTERPRISE")
    public SubscriptionPlan plan;

    @QueryParam("deleted")
    @Parameter(description = "true: soft-deleted accounts only; false: not deleted")
    public Boolean deleted;

    @QueryParam("q")
    @Size(max = 100, message = "must be at most 100 characters")
    @Parameter(description = "Text in the email, first or last name (case-insensitive)")
    public String text;

    @QueryParam("sort")
    @Size(max = 100, message = "must be at most 100 characters")
    @Parameter(
            description =
                    "Comma-separated fields, - for descending: createdAt, email, lastLogin, loginCount, id. Default -createdAt")
    public String sort;
}
