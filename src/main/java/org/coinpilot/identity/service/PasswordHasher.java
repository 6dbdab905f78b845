package org.coinpilot.identity.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RateLimitExceededException;

/**
 * bcrypt hashing and verification, always off the event loop (CONVENTIONS §4.2) on a dedicated Vert.x worker
 * executor of {@code hashing-threads} threads (default: CPU count − 1, at least 1). Bounding it keeps a core free
 * for every other request: a burst of logins queues here instead of starving the event loops and the shared
 * worker pool. The result comes back on the caller's context, so a Hibernate session stays usable. Verifying
 * against an unknown account still runs one full bcrypt on a dummy hash of the same cost, so unknown emails cost
 * the same time as wrong passwords.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String BUSY = "AUTH_BUSY";

    private final WorkerExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxPending;
    private final int cost;
    private volatile String dummyHash;

    public PasswordHasher(Vertx vertx, IdentityConfig config) {
        this.cost = config.passwords().bcryptCost();
        int threads = config.passwords()
                .hashingThreads()
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        this.executor = vertx.createSharedWorkerExecutor("coinpilot-bcrypt", threads);
        this.maxPending = threads * (1 + config.passwords().maxQueuedPerThread());
    }

    /**
     * The dummy hash (one bcrypt at the configured cost, 0.2-0.5 CPU-seconds here) is computed on the bcrypt pool right
     * after start instead of on the start-up path: a cold start does not wait for it (docs/benchmarks.md, "Start fast").
     */
    void onStart(@Observes StartupEvent event) {
        executor.executeBlocking(Uni.createFrom().item(this::dummyHash))
                .subscribe()
                .with(hash -> {}, failure -> {});
    }

    /** The configured bcrypt cost. */
    public int cost() {
        return cost;
    }

    /** A bcrypt hash (modular crypt format) of {@code password}. */
    public Uni<String> hash(String password) {
        return offload(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /**
     * Whether {@code password} matches {@code hash}; a null hash (no such account) is checked against a dummy
     * hash and always answers false.
     */
    public Uni<Boolean> verify(String password, String hash) {
        return offload(() -> {
            boolean matches = safeMatches(password, hash == null ? dummyHash() : hash);
            return hash != null && matches;
        });
    }

    /** Whether {@code failure} is the AUTH_BUSY refusal: the password was never checked. */
    public static boolean isBusy(Throwable failure) {
        return failure instanceof RateLimitExceededException e && BUSY.equals(e.code());
    }

    /**
     * Runs {@code work} on the bcrypt pool, or fails at once with a 429 when {@code max-queued-per-thread} calls
     * per thread already wait: under a login flood, callers get a quick 429 AUTH_BUSY (Retry-After: 1) instead of
     * an ever longer wait.
     */
    private <T> Uni<T> offload(Supplier<T> work) {
        return Uni.createFrom().deferred(() -> {
            if (pending.incrementAndGet() > maxPending) {
                pending.decrementAndGet();
                return Uni.createFrom()
                        .failure(new RateLimitExceededException(
                                BUSY, "Too many sign-ins are being processed; retry after Retry-After.", 1));
            }
            return executor.executeBlocking(
                    Uni.createFrom().item(() -> {
                        try {
                            return work.get();
                        } finally {
                            pending.decrementAndGet();
                        }
                    }),
                    false);
        });
    }

    private static boolean safeMatches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false; // not a bcrypt hash (e.g. a disabled account's placeholder)
        }
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = BcryptUtil.bcryptHash(Secrets.randomToken(), cost);
            dummyHash = hash;
        }
        return hash;
    }
}
