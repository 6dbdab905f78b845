package org.coinpilot.identity.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.identity.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify access tokens, for other services (RFC 7517). */
@Path("/.well-known/jwks.json")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Auth")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "JSON Web Key Set", description = "The RSA public key(s) of the RS256 access tokens, by kid.")
    @APIResponse(responseCode = "200", description = "The key set")
    public JwksResponse jwks() {
        return keys.jwks();
    }
}
