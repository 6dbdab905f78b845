package org.coinpilot.identity.domain;

import org.coinpilot.common.problem.DomainException;
import org.coinpilot.common.problem.ProblemType;

/** 429: too many authentication calls from one client IP or for one email; carries the Retry-After seconds. */
public class RateLimitExceededException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitExceededException(long retryAfterSeconds) {
        super(
                ProblemType.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Too many attempts; retry after the delay in Retry-After.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
