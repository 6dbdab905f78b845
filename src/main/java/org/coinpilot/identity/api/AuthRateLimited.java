package org.coinpilot.identity.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the {@code auth} limit and the RateLimit fields ({@link RateLimitResponses}) to the resource methods that
 * answer {@code /api/v1/auth/*}: the binding follows the routing (which matches the decoded, normalized path), so
 * {@code /api/v1/%61uth/login} or {@code /api/v1/x/../auth/register} cannot reach a sign-in without being counted,
 * as a check on the raw request path allowed.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuthRateLimited {}
