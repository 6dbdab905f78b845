package org.coinpilot.common.test;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import org.coinpilot.common.security.Roles;

/**
 * Mints real RS256 access tokens with the test keys of {@code src/test/resources/keys} (the keys the test
 * profile verifies with), for resource tests that go through the real security stack.
 */
public final class TestTokens {

    public static final String ISSUER = "https://coinpilot.org";
    public static final String AUDIENCE = "coinpilot-api";

    private TestTokens() {}

    public static String admin() {
        return token(1L, Roles.ADMIN);
    }

    public static String user(long userId) {
        return token(userId, Roles.PUBLIC);
    }

    public static String token(long userId, String role) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(userId))
                .upn("user" + userId + "@example.com")
                .groups(role)
                .claim("sid", "test-session-" + userId)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofMinutes(15)))
                .sign();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
