package org.coinpilot.identity.service;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
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

    /**
     * Why the token keys at these locations cannot be used, or null when they can: each must be readable and hold a PEM
     * RSA key (the private one PKCS#8), and the two must be one pair (a token signed with the one verifies with the
     * other). Run before start-up in the prod profile, so that a bad key stops the start with one message instead of
     * answering 500 on every login, authenticated call and the JWKS; locations on http(s) are left to the runtime.
     *
     * @param publicLocation {@code mp.jwt.verify.publickey.location}
     * @param privateLocation {@code smallrye.jwt.sign.key.location}
     */
    public static String unusable(String publicLocation, String privateLocation) {
        if (remote(publicLocation) || remote(privateLocation)) {
            return null;
        }
        PublicKey publicKey;
        PrivateKey privateKey;
        try {
            publicKey = KeyUtils.decodePublicKey(read(publicLocation));
        } catch (java.io.IOException | RuntimeException e) {
            return "the verification key " + publicLocation + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) cannot be read";
        } catch (GeneralSecurityException e) {
            return "the verification key " + publicLocation
                    + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) is not a PEM RSA public key";
        }
        try {
            privateKey = KeyUtils.decodePrivateKey(read(privateLocation));
        } catch (java.io.IOException | RuntimeException e) {
            return "the signing key " + privateLocation + " (SMALLRYE_JWT_SIGN_KEY_LOCATION) cannot be read";
        } catch (GeneralSecurityException e) {
            return "the signing key " + privateLocation
                    + " (SMALLRYE_JWT_SIGN_KEY_LOCATION) is not a PEM (PKCS#8) RSA private key";
        }
        if (!(publicKey instanceof RSAPublicKey) || !(privateKey instanceof RSAPrivateKey)) {
            return "the token keys must be RSA keys (RS256)";
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                return "the signing key " + privateLocation + " and the verification key " + publicLocation
                        + " are not one pair: tokens it signs would not verify";
            }
        } catch (GeneralSecurityException e) {
            return "the token keys cannot sign and verify (" + e.getMessage() + ")";
        }
        return null;
    }

    private static boolean remote(String location) {
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String read(String location) throws java.io.IOException {
        String text = ResourceUtils.readResource(location); // file:, classpath: or a plain path
        if (text == null || text.isBlank()) {
            throw new java.io.IOException("nothing at " + location);
        }
        return text;
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
