package org.coinpilot.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RateLimitExceededException;

/**
 * Token buckets in memory, one per client IP and one per email, for the auth endpoints. Per replica: with N
 * replicas behind a balancer a client gets at most N times the configured rate, which still stops online
 * guessing (account lockout, in the database, is the shared limit per account).
 */
@ApplicationScoped
public class RateLimiter {

    static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IdentityConfig.RateLimit.Bucket ipLimit;
    private final IdentityConfig.RateLimit.Bucket emailLimit;

    public RateLimiter(IdentityConfig config) {
        this.ipLimit = config.rateLimit().ip();
        this.emailLimit = config.rateLimit().email();
    }

    /** Takes one call from the client IP's bucket, or throws a 429 with the seconds until the next one. */
    public void acquireForIp(InetAddress ip) {
        if (ip != null) {
            acquire("ip:" + ip.getHostAddress(), ipLimit);
        }
    }

    /** Takes one call from the email's bucket, or throws a 429. */
    public void acquireForEmail(String email) {
        if (email != null) {
            acquire("email:" + email.strip().toLowerCase(Locale.ROOT), emailLimit);
        }
    }

    private void acquire(String key, IdentityConfig.RateLimit.Bucket limit) {
        if (buckets.size() > MAX_KEYS) {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long wait = buckets.computeIfAbsent(key, k -> new Bucket(limit)).take(System.nanoTime());
        if (wait > 0) {
            throw new RateLimitExceededException(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Continuous refill: {@code capacity} tokens per {@code refillPeriod}. */
    static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long last;

        Bucket(IdentityConfig.RateLimit.Bucket limit) {
            this.capacity = limit.capacity();
            this.tokensPerNano =
                    limit.capacity() / (double) limit.refillPeriod().toNanos();
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        /** 0 when a token was taken, otherwise the nanoseconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
        }
    }
}
