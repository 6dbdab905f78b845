package org.coinpilot.identity.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.persistence.SessionStatusRepository;
import org.coinpilot.identity.persistence.SessionStatusRepository.SessionStatus;

/**
 * Answers "may an access token of this session, issued to this user, still be used?" for every authenticated request,
 * with the {@value #CACHE} cache (quarkus-cache, Caffeine) in front of one indexed query. An answer is trusted for
 * {@code session-check-ttl} (5 s by default, the cache's {@code expire-after-write}), so a session revoked on another
 * replica is refused there within that time; revocations made on this replica drop their entries at once. The key is
 * the pair (session, token subject): a session is usable only by the user it belongs to.
 *
 * <p>Only answers are cached: the query runs outside the cache and its result is put afterwards. A failed query (the
 * database is away) is not cached and fails the request (503), and Caffeine, which logs every failed asynchronous load
 * with its stack trace, never sees it.
 */
@ApplicationScoped
public class SessionGuard {

    /** The cache name; its size and expiry are configured under {@code quarkus.cache.caffeine."identity-sessions"}. */
    public static final String CACHE = "identity-sessions";

    /** What the guard knows about a session. */
    public enum Verdict {
        /** Active, unexpired, its user active and the token's subject. */
        USABLE,
        /** Revoked, expired, or its user deactivated or deleted. */
        REVOKED,
        /** No session has this id. */
        UNKNOWN,
        /** The session exists but belongs to another user than the token's subject. */
        OTHER_USER
    }

    /** An answer; {@code sessionId}/{@code userId} are set only for a session of the asking subject. */
    public record Status(Verdict verdict, Long sessionId, Long userId) {}

    /** The cache key. */
    record Key(String sessionToken, long subject) {}

    private final CaffeineCache cache;
    private final Transactions transactions;
    private final SessionStatusRepository repository;
    private final Clock clock;

    public SessionGuard(
            @CacheName(CACHE) Cache cache, Transactions transactions, SessionStatusRepository repository, Clock clock) {
        this.cache = cache.as(CaffeineCache.class);
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
    }

    /** The status of the session named by an access token's {@code sid}, for the token's subject (user id). */
    public Uni<Status> check(String sessionToken, long subject) {
        Key key = new Key(sessionToken, subject);
        CompletableFuture<Status> cached = cache.getIfPresent(key);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return Uni.createFrom().item(cached.join());
        }
        return load(key).invoke(status -> cache.put(key, CompletableFuture.completedFuture(status)));
    }

    /** Forgets one session of a user (revoked on this replica): the next request re-reads it. */
    public Uni<Void> forget(String sessionToken, long userId) {
        return cache.invalidate(new Key(sessionToken, userId));
    }

    /** Forgets every cached session of a user (logout everywhere, password change, deactivation). */
    public Uni<Void> forgetUser(long userId) {
        return cache.invalidateIf(key -> key instanceof Key k && k.subject() == userId);
    }

    private Uni<Status> load(Key key) {
        return transactions
                .statement(client -> repository.find(client, key.sessionToken(), Times.now(clock)))
                .map(found -> toStatus(found, key.subject()));
    }

    static Status toStatus(SessionStatus found, long subject) {
        if (found == null) {
            return new Status(Verdict.UNKNOWN, null, null);
        }
        if (found.userId() != subject) {
            return new Status(Verdict.OTHER_USER, null, null);
        }
        return new Status(found.usable() ? Verdict.USABLE : Verdict.REVOKED, found.sessionId(), found.userId());
    }
}
