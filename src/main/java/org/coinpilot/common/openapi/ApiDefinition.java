package org.coinpilot.common.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI definition: title and version (overridable in config), and the bearer-JWT security scheme
 * that every {@code @Authenticated} / {@code @RolesAllowed} operation refers to.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Coinpilot API",
                        version = "v1",
                        description = "Backend of a multi-user crypto trading assistant. Errors are RFC 9457 problem "
                                + "documents; money and prices are decimal strings; instants are ISO-8601 UTC.",
                        license = @License(name = "Proprietary")),
        tags = {
            @Tag(name = "Admin: jobs", description = "Background jobs and their runs"),
        })
@SecurityScheme(
        securitySchemeName = ApiDefinition.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "Access token from POST /api/v1/auth/login, /refresh or /token. " + ApiDefinition.JWT_RULES)
@SecurityScheme(
        securitySchemeName = ApiDefinition.BEARER_ADMIN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "Access token of an account whose role is ADMIN (the operations under /api/v1/admin/ answer "
                + "403 to any other token). " + ApiDefinition.JWT_RULES)
public class ApiDefinition extends Application {

    /** Name of the bearer-JWT security scheme. */
    public static final String BEARER = "bearer";

    /**
     * Name of the security scheme of the admin operations: the same kind of token, of an admin account. {@link
     * ProblemResponsesFilter} names it on every operation under {@code /api/v1/admin/}; every such resource is
     * {@code @RolesAllowed(Roles.ADMIN)} (AdminSecurityContractTest).
     */
    public static final String BEARER_ADMIN = "bearerAdmin";

    /** How tokens are verified, the JWT best current practices of RFC 8725 that apply to a resource server. */
    static final String JWT_RULES = "A JWS signed with RS256, verified as RFC8725 (JWT Best Current Practices) "
            + "asks: the algorithm is pinned to RS256 (alg none, HMAC and any other algorithm are refused), the "
            + "issuer and the audience must be Coinpilot's, the expiry is required and short (15 minutes), and the "
            + "session the token was issued for must still be open.";
}
