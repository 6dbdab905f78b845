package org.coinpilot.identity.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits that applied to the current request and where each stands, collected by {@link AuthThrottle} for the
 * {@code RateLimit-Policy} and {@code RateLimit} response headers (draft-ietf-httpapi-ratelimit-headers).
 */
@RequestScoped
public class RateLimitStatus {

    /**
     * One limit: policy {@code name} allows {@code limit} calls per {@code windowSeconds}; {@code remaining} are
     * left and a new window starts in {@code resetSeconds}.
     */
    public record Quota(String name, int limit, long windowSeconds, int remaining, long resetSeconds) {}

    private final List<Quota> quotas = new ArrayList<>();

    /** Records a limit (a later record of the same policy replaces the earlier one). */
    void add(Quota quota) {
        quotas.removeIf(q -> q.name().equals(quota.name()));
        quotas.add(quota);
    }

    /** The limits of this request, in the order they were checked. */
    public List<Quota> quotas() {
        return List.copyOf(quotas);
    }
}
