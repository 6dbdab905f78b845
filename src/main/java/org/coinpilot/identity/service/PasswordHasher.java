package org.coinpilot.identity.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.coinpilot.identity.config.IdentityConfig;

/**
 * bcrypt hashing and verification, always on a worker thread (CONVENTIONS §4.2): the caller's event loop never
 * runs the 2^cost rounds. Verifying against an unknown account still runs one full bcrypt on a dummy hash of the
 * same cost, so unknown emails cost the same time as wrong passwords.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    private final int cost;
    private volatile String dummyHash;

    public PasswordHasher(Vertx vertx, IdentityConfig config) {
        this.vertx = vertx;
        this.cost = config.passwords().bcryptCost();
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
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, cost)), false);
    }

    /**
     * Whether {@code password} matches {@code hash}; a null hash (no such account) is checked against a dummy
     * hash and always answers false.
     */
    public Uni<Boolean> verify(String password, String hash) {
        return vertx.executeBlocking(
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
