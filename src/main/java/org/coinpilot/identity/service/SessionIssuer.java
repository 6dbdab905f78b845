package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.identity.api.TokenResponse;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserSession;
import org.coinpilot.identity.persistence.UserSessionRepository;

/**
 * Opens a session for a user who just proved who they are, signs its first access token and writes the audit row,
 * in the caller's open Panache transaction: a password login gets a session of {@code session-ttl} with a refresh
 * token, a service client one that lives as long as its access token, without.
 */
@ApplicationScoped
public class SessionIssuer {

    private final UserSessionRepository sessions;
    private final TokenIssuer tokens;
    private final ActivityService activities;
    private final ClientAddress client;
    private final IdentityConfig.Tokens config;

    public SessionIssuer(
            UserSessionRepository sessions,
            TokenIssuer tokens,
            ActivityService activities,
            ClientAddress client,
            IdentityConfig config) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.activities = activities;
        this.client = client;
        this.config = config.tokens();
    }

    /** A login session with a refresh token; audited as {@code login}. */
    public Uni<TokenResponse> login(User user, Instant now) {
        return open(user, now, config.sessionTtl(), true, "login");
    }

    /** A client-credentials session without a refresh token; audited as {@code token_issued}. */
    public Uni<TokenResponse> clientCredentials(User user, Instant now) {
        return open(user, now, config.accessTokenTtl(), false, "token_issued");
    }

    private Uni<TokenResponse> open(User user, Instant now, Duration lifetime, boolean withRefresh, String activity) {
        String secret = Secrets.randomToken();
        UserSession session = new UserSession();
        session.userId = user.id;
        session.sessionToken = Secrets.randomToken();
        session.refreshToken = Secrets.sha256Hex(secret);
        String agent = client.userAgent();
        session.deviceInfo = agent == null ? null : new LinkedHashMap<>(Map.of("userAgent", agent));
        session.ipAddress = client.ip();
        session.expiresAt = now.plus(lifetime);
        session.lastUsedAt = now;
        return sessions.persist(session)
                .call(saved -> activities.recordFor(user.id, saved.id, activity, "session", saved.id, "create", null))
                .map(saved -> tokens.issue(
                        user,
                        saved.sessionToken,
                        withRefresh ? saved.sessionToken + "." + secret : null,
                        saved.expiresAt));
    }
}
