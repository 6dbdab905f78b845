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
        description = "RS256 access token from POST /api/v1/auth/login")
public class ApiDefinition extends Application {

    /** Name of the bearer-JWT security scheme. */
    public static final String BEARER = "bearer";
}
