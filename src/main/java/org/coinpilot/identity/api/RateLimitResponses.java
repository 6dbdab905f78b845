package org.coinpilot.identity.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.stream.Collectors;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ProblemConfig;
import org.coinpilot.common.problem.ProblemMappers;
import org.coinpilot.identity.domain.RateLimitExceededException;
import org.coinpilot.identity.service.AuthThrottle;
import org.coinpilot.identity.service.ClientAddress;
import org.coinpilot.identity.service.RateLimitStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limiting of {@code /api/v1/auth/*} over HTTP: a request filter bound to the auth resource
 * ({@link AuthRateLimited}, so the routing decides, never the raw path) counts every call against the client address's
 * {@code auth} limit; the services count their own limits (sign-in, mail). Every answer carries the limits that
 * applied as {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers-10), and a
 * refusal is the common 429 problem plus {@code Retry-After}.
 */
public class RateLimitResponses {

    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";
    static final String POLICY_DESCRIPTION = "The limits that applied to this call (IETF draft "
            + "draft-ietf-httpapi-ratelimit-headers): name, quota q per window w seconds, e.g. "
            + "\"auth\";q=30;w=60, \"login\";q=5;w=900";
    static final String LIMIT_DESCRIPTION = "Where each limit stands: name, remaining calls r, seconds t until the "
            + "window resets, e.g. \"auth\";r=29;t=60, \"login\";r=4;t=900";

    private final AuthThrottle throttle;
    private final ClientAddress client;
    private final RateLimitStatus status;
    private final ProblemMappers problems;

    public RateLimitResponses(
            AuthThrottle throttle, ClientAddress client, RateLimitStatus status, ProblemConfig config) {
        this.throttle = throttle;
        this.client = client;
        this.status = status;
        this.problems = new ProblemMappers(config);
    }

    /** Every call of a resource method bound with {@link AuthRateLimited} (chosen by the routing, not the raw path). */
    @AuthRateLimited
    @ServerRequestFilter
    public Uni<Void> limitPerAddress(HttpServerRequest request) {
        return throttle.countRequest(client.ip(request));
    }

    @AuthRateLimited
    @ServerResponseFilter
    public void rateLimitFields(ContainerResponseContext response) {
        List<RateLimitStatus.Quota> quotas = status.quotas();
        if (quotas.isEmpty()) {
            return;
        }
        response.getHeaders().putSingle(RATE_LIMIT_POLICY, policies(quotas));
        response.getHeaders().putSingle(RATE_LIMIT, limits(quotas));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooManyRequests(RateLimitExceededException e, HttpServerRequest request) {
        return RestResponse.ResponseBuilder.fromResponse(problems.domain(e, request))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** {@code "auth";q=30;w=60, "login";q=5;w=900} (a List of Items with a String value, RFC 9651). */
    static String policies(List<RateLimitStatus.Quota> quotas) {
        return quotas.stream()
                .map(q -> "\"" + q.name() + "\";q=" + q.limit() + ";w=" + q.windowSeconds())
                .collect(Collectors.joining(", "));
    }

    /** {@code "auth";r=29;t=60, "login";r=4;t=900}. */
    static String limits(List<RateLimitStatus.Quota> quotas) {
        return quotas.stream()
                .map(q -> "\"" + q.name() + "\";r=" + q.remaining() + ";t=" + q.resetSeconds())
                .collect(Collectors.joining(", "));
    }
}
