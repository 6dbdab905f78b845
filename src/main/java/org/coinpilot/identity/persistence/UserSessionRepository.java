package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.identity.domain.UserSession;

/** Queries of {@code user_sessions}. */
@ApplicationScoped
public class UserSessionRepository implements PanacheRepositoryBase<UserSession, Long> {

    private static final String ACTIVE =
            "userId = :userId and isActive = true and revokedAt is null and expiresAt > :now";

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

    /** The session with this public id, row-locked (refresh-token rotation is serialized per session). */
    public Uni<UserSession> findBySessionTokenForUpdate(String sessionToken) {
        return find("sessionToken = :sessionToken", Parameters.with("sessionToken", sessionToken))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The user's usable session with this id, or null (another user's id is null too). */
    public Uni<UserSession> findActiveByIdAndOwner(long id, long userId, Instant now) {
        return find(
                        "id = :id and " + ACTIVE,
                        Parameters.with("id", id).and("userId", userId).and("now", now))
                .firstResult();
    }

    /** The user's usable sessions, newest first. */
    public Uni<List<UserSession>> findActivePage(long userId, Instant now, PageQuery page) {
        return find(
                        ACTIVE + " order by createdAt desc, id desc",
                        Parameters.with("userId", userId).and("now", now))
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> countActive(long userId, Instant now) {
        return count(ACTIVE, Parameters.with("userId", userId).and("now", now));
    }

    /** Revokes every usable session of the user except {@code keepSessionToken} (may be null); the count. */
    public Uni<Integer> revokeAll(long userId, String keepSessionToken, String reason, Instant now) {
        Parameters parameters = Parameters.with("userId", userId)
                .and("now", now)
                .and("reason", reason)
                .and("keep", keepSessionToken == null ? "" : keepSessionToken);
        return update(
                "isActive = false, revokedAt = :now, revokedReason = :reason, updatedAt = :now where "
                        + "userId = :userId and revokedAt is null and sessionToken <> :keep",
                parameters);
    }
}
