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
 * Refuses a verified access token whose session was revoked or expired, or whose user was deactivated or deleted
 * (and, in production, one whose {@code sid} names no session). Runs for every authenticated request after the
 * signature, issuer, audience and expiry checks of SmallRye JWT.
 */
@ApplicationScoped
public class SessionCheckAugmentor implements SecurityIdentityAugmentor {

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
        return guard.check(sid.toString()).map(status -> switch (status.verdict()) {
            case USABLE -> identity;
            case UNKNOWN -> {
                if (rejectUnknown) {
                    throw new AuthenticationFailedException("unknown session");
                }
                yield identity;
            }
            case REVOKED -> throw new AuthenticationFailedException("session revoked");
        });
    }
}
