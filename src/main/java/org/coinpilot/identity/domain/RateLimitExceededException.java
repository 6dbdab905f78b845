package org.coinpilot.identity.domain;

import org.coinpilot.common.problem.DomainException;
import org.coinpilot.common.problem.ProblemType;

/**
 * 429: too many authentication calls from one client IP or for one email (RATE_LIMITED), or more sign-ins waiting
 * for bcrypt than the server takes on (AUTH_BUSY); carries the Retry-After seconds.
 */
public class RateLimitExceededException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitExceededException(long retryAfterSeconds) {
        this("RATE_LIMITED", "Too many attempts; retry after the delay in Retry-After.", retryAfterSeconds);
    }

    public RateLimitExceededException(String code, String detail, long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, code, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
