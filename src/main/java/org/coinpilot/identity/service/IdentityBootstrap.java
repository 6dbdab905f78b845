package org.coinpilot.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserRole;
import org.coinpilot.identity.persistence.UserRepository;

/**
 * Accounts created on start: the first admin from configuration (only while no admin exists), and in dev and demo
 * a demo admin and a demo user, with a log line saying how to log in.
 */
@ApplicationScoped
public class IdentityBootstrap {

    static final String DEMO_ADMIN = "admin@demo.coinpilot.dev";
    static final String DEMO_USER = "user@demo.coinpilot.dev";
    static final String DEMO_PASSWORD = "Coinpilot-demo-2026";

    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final IdentityConfig config;

    public IdentityBootstrap(
            Transactions transactions,
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            IdentityConfig config) {
        this.transactions = transactions;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        var admin = config.bootstrapAdmin();
        if (admin.email().isPresent() && admin.password().isPresent()) {
            String email = admin.email().get().strip().toLowerCase(Locale.ROOT);
            policy.check(
                    "coinpilot.identity.bootstrap-admin.password",
                    admin.password().get(),
                    email);
            boolean created = VertxContextSupport.subscribeAndAwait(() -> transactions
                    .read(users::existsAdmin)
                    .chain(exists -> exists
                            ? Uni.createFrom().item(false)
                            : ensure(email, admin.password().get(), UserRole.ADMIN)));
            if (created) {
                Log.infof("Created the first admin account %s from configuration", email);
            }
        }
        if (config.demoSeed().enabled()) {
            VertxContextSupport.subscribeAndAwait(() -> ensure(DEMO_ADMIN, DEMO_PASSWORD, UserRole.ADMIN)
                    .chain(() -> ensure(DEMO_USER, DEMO_PASSWORD, UserRole.PUBLIC)));
            Log.infof(
                    "Demo accounts: %s (admin) and %s (user), password '%s'. Log in with POST /api/v1/auth/login "
                            + "{\"email\":\"%s\",\"password\":\"%s\"}",
                    DEMO_ADMIN, DEMO_USER, DEMO_PASSWORD, DEMO_USER, DEMO_PASSWORD);
        }
    }

    /** Creates the account unless the email exists; true when created. */
    private Uni<Boolean> ensure(String email, String password, UserRole role) {
        return transactions
                .read(() -> users.findByEmail(email))
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : hasher.hash(password)
                                .chain(hash -> transactions.write(() -> {
                                    User user = new User();
                                    user.email = email;
                                    user.passwordHash = hash;
                                    user.role = role;
                                    user.isVerified = true;
                                    user.referralCode = Secrets.referralCode();
                                    user.preferences = new LinkedHashMap<>();
                                    return users.persist(user).replaceWith(true);
                                })));
    }
}
