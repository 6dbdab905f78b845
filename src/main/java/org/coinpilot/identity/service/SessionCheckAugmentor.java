package org.coinpilot.identity.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.identity.config.IdentityConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a verified access token whose session was revoked or expired, whose user was deactivated or deleted, or
 * whose session belongs to another user than its {@code sub} (and, in production, one whose {@code sid} names no
 * session). Runs for every authenticated request after the signature, issuer, audience and expiry checks of SmallRye
 * JWT.
 */
@ApplicationScoped
public class SessionCheckAugmentor implements SecurityIdentityAugmentor {

    /** The subject used for a token whose {@code sub} is not a user id: no session belongs to it. */
    static final long NO_USER = -1;

    private final SessionGuard guard;
    private final boolean rejectUnknown;

    public SessionCheckAugmentor(SessionGuard guard, IdentityConfig config) {
        this.guard = guard;
        this.rejectUnknown = config.tokens().rejectUnknownSession();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object sid = token.getClaim(CurrentUser.SESSION_CLAIM);
        if (sid == null) {
            return rejectUnknown
                    ? Uni.createFrom().failure(new AuthenticationFailedException("no session"))
                    : Uni.createFrom().item(identity);
        }
        return guard.check(sid.toString(), subject(token)).map(status -> switch (status.verdict()) {
            case USABLE -> identity;
            case UNKNOWN -> {
                if (rejectUnknown) {
                    throw new AuthenticationFailedException("unknown session");
                }
                yield identity;
            }
            case REVOKED -> throw new AuthenticationFailedException("session revoked");
            case OTHER_USER -> throw new AuthenticationFailedException("session of another user");
        });
    }

    /** The token's {@code sub} as a user id, or {@link #NO_USER}. */
    static long subject(JsonWebToken token) {
        String subject = token.getSubject();
        if (subject == null) {
            return NO_USER;
        }
        try {
            return Long.parseLong(subject);
        } catch (NumberFormatException e) {
            return NO_USER;
        }
    }
}
