package org.coinpilot.identity.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.coinpilot.common.time.Times;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens already verified, kept by their exact text (the quarkus-cache {@value #NAME}; docs/security.md,
 * "Access tokens"): SmallRye JWT's {@link JWTParser#parse(String)} checks the RS256 signature, issuer, audience and
 * expiry of the bearer token of every request; a client sends the same token on every request for its lifetime, so
 * the parsed token is kept and served again for the same text while it has not expired (checked on every use).
 *
 * <p>Only tokens the parser accepted are kept (a failure is never cached), and a kept token is matched by its whole
 * text, signature included, so nothing unverified gets in. Revocation is not this class's concern: the session check
 * ({@link SessionCheckAugmentor}) still runs on every request with its own bound. A CDI decorator of the parser bean
 * that SmallRye JWT's validator uses, so the authentication path itself is unchanged.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    static final String NAME = "identity-verified-tokens";

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    @CacheName(NAME)
    Cache cache;

    @Inject
    Clock clock;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        CaffeineCache kept = cache.as(CaffeineCache.class);
        CompletableFuture<Object> hit = kept.getIfPresent(token);
        if (hit != null && hit.isDone() && !hit.isCompletedExceptionally()) {
            JsonWebToken verified = (JsonWebToken) hit.getNow(null);
            if (verified != null && Times.now(clock).getEpochSecond() < verified.getExpirationTime()) {
                return verified;
            }
        }
        JsonWebToken verified = parser.parse(token); // an expired kept token is replaced, or refused here
        kept.put(token, CompletableFuture.completedFuture(verified));
        return verified;
    }
}
