package org.coinpilot.identity.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ProblemConfig;
import org.coinpilot.common.problem.ProblemMappers;
import org.coinpilot.identity.domain.RateLimitExceededException;
import org.coinpilot.identity.service.ClientAddress;
import org.coinpilot.identity.service.RateLimiter;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate limiting of {@code /api/v1/auth/*}: a request filter takes one call from the client IP's bucket, the
 * services take one from the email's; both refusals become the common 429 problem plus {@code Retry-After}.
 */
public class RateLimitResponses {

    static final String AUTH_PATHS = "/api/v1/auth/";

    private final RateLimiter limiter;
    private final ClientAddress client;
    private final ProblemMappers problems;

    public RateLimitResponses(RateLimiter limiter, ClientAddress client, ProblemConfig config) {
        this.limiter = limiter;
        this.client = client;
        this.problems = new ProblemMappers(config);
    }

    @ServerRequestFilter
    public void limitPerIp(HttpServerRequest request) {
        if (request.path().startsWith(AUTH_PATHS)) {
            limiter.acquireForIp(client.ip(request));
        }
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooManyRequests(RateLimitExceededException e, HttpServerRequest request) {
        return RestResponse.ResponseBuilder.fromResponse(problems.domain(e, request))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
