package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.persistence.SessionStatusRepository;
import org.coinpilot.identity.persistence.SessionStatusRepository.SessionStatus;

/**
 * Answers "may an access token of this session still be used?" for every authenticated request, with a small
 * per-replica cache in front of one indexed query. A usable answer is trusted for {@code session-check-ttl}
 * (5 s by default), so a session revoked on another replica is refused there within that time; an unusable
 * answer is final (revocation is permanent) and kept for the access token lifetime. Revocations made on this
 * replica drop their entries at once.
 */
@ApplicationScoped
public class SessionGuard {

    static final int MAX_ENTRIES = 100_000;

    /** What the guard knows about a session. */
    public enum Verdict {
        USABLE,
        REVOKED,
        UNKNOWN
    }

    /** A cached answer; {@code sessionId}/{@code userId} are null for unknown sessions. */
    public record Status(Verdict verdict, Long sessionId, Long userId) {}

    private record Entry(Status status, long expiresAtNanos) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final SessionStatusRepository repository;
    private final Clock clock;
    private final long usableTtlNanos;
    private final long finalTtlNanos;

    public SessionGuard(SessionStatusRepository repository, Clock clock, IdentityConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.usableTtlNanos = config.tokens().sessionCheckTtl().toNanos();
        this.finalTtlNanos =
                config.tokens().accessTokenTtl().plus(Duration.ofMinutes(1)).toNanos();
    }

    /** The status of the session named by an access token's {@code sid}. */
    public Uni<Status> check(String sessionToken) {
        long now = System.nanoTime();
        Entry entry = cache.get(sessionToken);
        if (entry != null && entry.expiresAtNanos - now > 0) {
            return Uni.createFrom().item(entry.status);
        }
        return repository.find(sessionToken, Times.now(clock)).map(found -> {
            Status status = toStatus(found);
            long ttl = status.verdict() == Verdict.USABLE ? usableTtlNanos : finalTtlNanos;
            if (cache.size() >= MAX_ENTRIES) {
                long at = System.nanoTime();
                cache.values().removeIf(e -> e.expiresAtNanos - at <= 0);
                if (cache.size() >= MAX_ENTRIES) {
                    cache.clear();
                }
            }
            cache.put(sessionToken, new Entry(status, System.nanoTime() + ttl));
            return status;
        });
    }

    /** Forgets one session (revoked on this replica): the next request re-reads it. */
    public void forget(String sessionToken) {
        cache.remove(sessionToken);
    }

    /** Forgets every cached session of a user (logout everywhere, password change, deactivation). */
    public void forgetUser(long userId) {
        cache.values().removeIf(e -> e.status.userId() != null && e.status.userId() == userId);
    }

    private static Status toStatus(SessionStatus found) {
        if (found == null) {
            return new Status(Verdict.UNKNOWN, null, null);
        }
        return new Status(found.usable() ? Verdict.USABLE : Verdict.REVOKED, found.sessionId(), found.userId());
    }
}
