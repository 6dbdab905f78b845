package org.coinpilot.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The parser SmallRye JWT's validator uses keeps verified access tokens (VerifiedTokens decorates it). */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @AfterEach
    void putTheClockBack() {
        TestClock.reset();
    }

    @Test
    void shouldServeAVerifiedTokenAgainWithoutVerifyingIt() throws ParseException {
        String token = TestTokens.user(4242);

        JsonWebToken first = parser.parse(token);
        JsonWebToken again = parser.parse(token);

        assertThat(first.getSubject()).isEqualTo("4242");
        assertThat(again).as("the kept token, not a second verification").isSameAs(first);
    }

    @Test
    void shouldNotServeAKeptTokenOnceItHasExpired() throws ParseException {
        String token = Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject("4343")
                .groups("public")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofMinutes(2)))
                .sign();
        JsonWebToken kept = parser.parse(token);

        TestClock.advance(Duration.ofMinutes(3));

        assertThat(parser.parse(token))
                .as("verified again by the parser (whose own clock still accepts it), not served from the cache")
                .isNotSameAs(kept);
    }

    @Test
    void shouldNeverKeepARefusedToken() {
        String token = TestTokens.user(4444);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
    }
}
