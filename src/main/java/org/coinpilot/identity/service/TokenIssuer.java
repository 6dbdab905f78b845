package org.coinpilot.identity.service;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.SecurityConfig;
import org.coinpilot.identity.api.TokenResponse;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.User;

/**
 * Signs access tokens: RS256 JWTs with {@code iss}, {@code aud}, {@code sub} (user id), {@code upn} and
 * {@code email}, {@code groups} (the role), {@code sid} (the session's public token), {@code iat}, {@code exp}
 * and a {@code kid} header. Timestamps come from the system clock, as the verifier's do. The private key is the
 * standard SmallRye one ({@code smallrye.jwt.sign.key.location}).
 */
@ApplicationScoped
public class TokenIssuer {

    private final SecurityConfig security;
    private final IdentityConfig config;
    private final SigningKeys keys;

    public TokenIssuer(SecurityConfig security, IdentityConfig config, SigningKeys keys) {
        this.security = security;
        this.config = config;
        this.keys = keys;
    }

    /** An access token for the user's session, plus the refresh token (null for client-credentials tokens). */
    public TokenResponse issue(User user, String sessionToken, String refreshToken, Instant sessionExpiresAt) {
        long ttl = config.tokens().accessTokenTtl().toSeconds();
        String token = Jwt.issuer(security.issuer())
                .audience(security.audience())
                .subject(Long.toString(user.id))
                .upn(user.email)
                .claim("email", user.email)
                .groups(Set.of(user.role.dbValue()))
                .claim(CurrentUser.SESSION_CLAIM, sessionToken)
                .expiresIn(ttl)
                .jws()
                .keyId(keys.keyId())
                .sign();
        return new TokenResponse(token, "Bearer", ttl, refreshToken, refreshToken == null ? null : sessionExpiresAt);
    }
}
