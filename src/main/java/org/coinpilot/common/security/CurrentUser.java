package org.coinpilot.common.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller, read from the verified access token only (never from a body or a path). {@link #userId()}
 * is the JWT {@code sub}; {@link #sessionId()} the {@code sid} claim of the session that issued it.
 */
@RequestScoped
public class CurrentUser {

    public static final String SESSION_CLAIM = "sid";

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's user id; a 401 when the request carries no valid token or a non-numeric subject. */
    public long userId() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        try {
            return Long.parseLong(subject);
        } catch (NumberFormatException e) {
            throw new UnauthorizedException();
        }
    }

    /** The session id carried by the token, if any (service tokens have none). */
    public Optional<String> sessionId() {
        return token == null ? Optional.empty() : Optional.ofNullable(token.getClaim(SESSION_CLAIM));
    }

    public boolean hasRole(String role) {
        return token != null && token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
