package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.identity.api.RefreshRequest;
import org.coinpilot.identity.api.TokenResponse;
import org.coinpilot.identity.domain.AuthenticationProblem;
import org.coinpilot.identity.domain.RequestOrigin;
import org.coinpilot.identity.domain.SessionRevocation;
import org.coinpilot.identity.domain.UserSession;
import org.coinpilot.identity.persistence.UserRepository;
import org.coinpilot.identity.persistence.UserSessionRepository;

/**
 * Refresh-token rotation ({@code <session token>.<secret>}). The current secret gets a new access token and a new
 * refresh token; a secret the session had before (rotated away from, so possibly stolen) revokes the session; a
 * secret the session never had is only refused, so that knowing a session id (it is in every access token) is not
 * enough to log anyone out.
 */
@ApplicationScoped
public class RefreshService {

    private final Transactions transactions;
    private final UserSessionRepository sessions;
    private final UserRepository users;
    private final TokenIssuer tokens;
    private final ActivityService activities;
    private final SessionGuard guard;
    private final ClientAddress client;

    public RefreshService(
            Transactions transactions,
            UserSessionRepository sessions,
            UserRepository users,
            TokenIssuer tokens,
            ActivityService activities,
            SessionGuard guard,
            ClientAddress client) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.activities = activities;
        this.guard = guard;
        this.client = client;
    }

    /** A result decided inside the transaction and raised after its commit (a revocation must survive the 401). */
    private record Outcome(TokenResponse tokens, Long revokedUserId) {
        TokenResponse orThrow() {
            if (tokens == null) {
                throw AuthenticationProblem.invalidRefreshToken();
            }
            return tokens;
        }
    }

    private static final Outcome REFUSED = new Outcome(null, null);

    public Uni<TokenResponse> refresh(RefreshRequest request) {
        String raw = request.refreshToken().strip();
        int dot = raw.indexOf('.');
        if (dot <= 0 || dot == raw.length() - 1) {
            return Uni.createFrom().failure(AuthenticationProblem.invalidRefreshToken());
        }
        String sessionToken = raw.substring(0, dot);
        String secretHash = Secrets.sha256Hex(raw.substring(dot + 1));
        RequestOrigin origin = client.origin();
        return transactions
                .write(() -> sessions.findBySessionTokenForUpdate(sessionToken)
                        .chain(session -> rotate(session, secretHash, origin)))
                .call(outcome -> outcome.revokedUserId() == null
                        ? Uni.createFrom().voidItem()
                        : guard.forget(sessionToken, outcome.revokedUserId()))
                .map(Outcome::orThrow);
    }

    private Uni<Outcome> rotate(UserSession session, String secretHash, RequestOrigin origin) {
        if (session == null || !session.isUsable(origin.at())) {
            return Uni.createFrom().item(REFUSED);
        }
        if (Secrets.sameHash(secretHash, session.refreshToken)) {
            return users.findById(session.userId).map(user -> {
                if (user == null || user.deletedAt != null || !user.isActive) {
                    return REFUSED;
                }
                String secret = Secrets.randomToken();
                session.rotate(Secrets.sha256Hex(secret), origin.at());
                session.ipAddress = origin.ip();
                return new Outcome(
                        tokens.issue(
                                user, session.sessionToken, session.sessionToken + "." + secret, session.expiresAt),
                        null);
            });
        }
        if (!session.wasRetired(secretHash)) {
            return Uni.createFrom().item(REFUSED); // never this session's secret: a guess, not a stolen token
        }
        session.revoke(SessionRevocation.REFRESH_REUSE, origin.at());
        return activities
                .recordFor(
                        session.userId,
                        session.id,
                        "refresh_token_reused",
                        "session",
                        session.id,
                        "revoke",
                        Map.of("reason", SessionRevocation.REFRESH_REUSE))
                .replaceWith(new Outcome(null, session.userId));
    }
}
