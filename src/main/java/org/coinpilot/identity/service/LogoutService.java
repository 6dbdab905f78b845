package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.domain.SessionRevocation;
import org.coinpilot.identity.domain.UserSession;
import org.coinpilot.identity.persistence.UserSessionRepository;

/** Logging out: this session, or every session of the caller. */
@ApplicationScoped
public class LogoutService {

    private final Transactions transactions;
    private final UserSessionRepository sessions;
    private final ActivityService activities;
    private final SessionGuard guard;
    private final CurrentUser currentUser;
    private final Clock clock;

    public LogoutService(
            Transactions transactions,
            UserSessionRepository sessions,
            ActivityService activities,
            SessionGuard guard,
            CurrentUser currentUser,
            Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.activities = activities;
        this.guard = guard;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Revokes the caller's session (the {@code sid} of the access token). */
    public Uni<Void> logout() {
        long userId = currentUser.userId();
        String sessionToken = currentUser.sessionId().orElse(null);
        if (sessionToken == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Times.now(clock);
        return transactions
                .write(() -> sessions.findBySessionTokenForUpdate(sessionToken).chain(session -> {
                    if (session == null || session.userId != userId || session.revokedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    session.revoke(SessionRevocation.LOGOUT, now);
                    return activities.recordFor(userId, session.id, "logout", "session", session.id, "revoke", null);
                }))
                .call(() -> guard.forget(sessionToken, userId));
    }

    /** Revokes every session of the caller, this one included. */
    public Uni<Void> logoutAll() {
        long userId = currentUser.userId();
        String sessionToken = currentUser.sessionId().orElse(null);
        Instant now = Times.now(clock);
        return transactions
                .write(() -> (sessionToken == null
                                ? Uni.createFrom().<UserSession>nullItem()
                                : sessions.findBySessionToken(sessionToken))
                        .chain(current -> sessions.revokeAll(userId, null, SessionRevocation.LOGOUT_ALL, now)
                                .chain(count -> activities.recordFor(
                                        userId,
                                        current == null || current.userId != userId ? null : current.id,
                                        "logout_all",
                                        "session",
                                        null,
                                        "revoke",
                                        Map.of("sessions", count)))))
                .call(() -> guard.forgetUser(userId));
    }
}
