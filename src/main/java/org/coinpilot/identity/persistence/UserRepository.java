package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.identity.domain.User;

/** Queries of {@code users}. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    /** The user with this email, compared case-insensitively (as {@code uq_users_email_lower}), or null. */
    public Uni<User> findByEmail(String email) {
        return find("lower(email) = lower(:email)", Parameters.with("email", email))
                .firstResult();
    }
}
