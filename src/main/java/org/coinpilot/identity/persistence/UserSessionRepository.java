package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.identity.domain.UserSession;

/** Queries of {@code user_sessions}. */
@ApplicationScoped
public class UserSessionRepository implements PanacheRepositoryBase<UserSession, Long> {

    /** The session whose current refresh secret hashes to {@code refreshTokenHash}, or null. */
    public Uni<UserSession> findByRefreshToken(String refreshTokenHash) {
        return find("refreshToken = :refreshToken", Parameters.with("refreshToken", refreshTokenHash))
                .firstResult();
    }

    /** The session with this public id (the JWT {@code sid} claim), or null. */
    public Uni<UserSession> findBySessionToken(String sessionToken) {
        return find("sessionToken = :sessionToken", Parameters.with("sessionToken", sessionToken))
                .firstResult();
    }
}
