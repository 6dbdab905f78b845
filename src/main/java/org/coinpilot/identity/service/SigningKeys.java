package org.coinpilot.identity.service;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coinpilot.identity.api.JwksResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The public half of the token signing key, read from the standard SmallRye location
 * ({@code mp.jwt.verify.publickey.location}, env {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}), published as a JWKS
 * and named in every token's {@code kid} header (RFC 7638 thumbprint).
 */
@ApplicationScoped
public class SigningKeys {

    private final Optional<String> location;
    private volatile Published published;

    private record Published(String keyId, Map<String, Object> jwk) {}

    public SigningKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        this.location = location;
    }

    /** The {@code kid} of the current signing key. */
    public String keyId() {
        return published().keyId();
    }

    /** The JWKS document: the current public key. */
    public JwksResponse jwks() {
        return new JwksResponse(List.of(published().jwk()));
    }

    private Published published() {
        Published current = published;
        if (current == null) {
            current = load();
            published = current;
        }
        return current;
    }

    private Published load() {
        String where = location.orElseThrow(() -> new IllegalStateException(
                "No public key configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (and SMALLRYE_JWT_SIGN_KEY_LOCATION)"));
        try {
            String pem = ResourceUtils.readResource(where); // file:, classpath:, http(s): or a plain path
            if (pem == null) {
                throw new IllegalStateException("No public key found at " + where);
            }
            PublicKey key = KeyUtils.decodePublicKey(pem);
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return new Published(jwk.getKeyId(), Map.copyOf(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the public key at " + where, e);
        }
    }
}
