package org.coinpilot.identity.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 7517 JSON Web Key Set. */
@Schema(description = "JSON Web Key Set with the public keys that verify access tokens")
public record JwksResponse(
        @Schema(description = "RSA public keys (kty, kid, use, alg, n, e)")
        List<Map<String, Object>> keys) {}
