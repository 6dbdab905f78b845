package org.coinpilot.identity.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.coinpilot.identity.config.IdentityConfig;

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

    private final WorkerExecutor executor;
    private final int cost;
    private volatile String dummyHash;

    public PasswordHasher(Vertx vertx, IdentityConfig config) {
        this.cost = config.passwords().bcryptCost();
        int threads = config.passwords()
                .hashingThreads()
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        this.executor = vertx.createSharedWorkerExecutor("coinpilot-bcrypt", threads);
    }

    void onStart(@Observes StartupEvent event) {
        dummyHash();
    }

    /** The configured bcrypt cost. */
    public int cost() {
        return cost;
    }

    /** A bcrypt hash (modular crypt format) of {@code password}. */
    public Uni<String> hash(String password) {
        return executor.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, cost)), false);
    }

    /**
     * Whether {@code password} matches {@code hash}; a null hash (no such account) is checked against a dummy
     * hash and always answers false.
     */
    public Uni<Boolean> verify(String password, String hash) {
        return executor.executeBlocking(
                Uni.createFrom().item(() -> {
                    boolean matches = safeMatches(password, hash == null ? dummyHash() : hash);
                    return hash != null && matches;
                }),
                false);
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
