package org.coinpilot.identity.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.api.AcceptedResponse;
import org.coinpilot.identity.api.ClientTokenRequest;
import org.coinpilot.identity.api.LoginRequest;
import org.coinpilot.identity.api.RefreshRequest;
import org.coinpilot.identity.api.RegisterRequest;
import org.coinpilot.identity.api.TokenRequestBodies;
import org.coinpilot.identity.api.TokenResponse;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.AuthenticationProblem;
import org.coinpilot.identity.domain.SessionRevocation;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserRole;
import org.coinpilot.identity.domain.UserSession;
import org.coinpilot.identity.persistence.UserRepository;
import org.coinpilot.identity.persistence.UserSessionRepository;

/**
 * Registration, login, refresh-token rotation, logout, email verification and password reset.
 *
 * <p>Writes that must survive a refusal (failed-login counters, a session revoked for refresh-token reuse) are
 * committed first and the refusal is raised after the commit. bcrypt never runs inside a transaction.
 */
@ApplicationScoped
public class AuthService {

    static final String ACCEPTED_REGISTER = "Check your mailbox: a message about your account is on its way.";
    static final String ACCEPTED_MAIL = "If an account uses this address, a mail is on its way.";

    private final UserRepository users;
    private final UserSessionRepository sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenIssuer tokens;
    private final ActivityService activities;
    private final SessionGuard guard;
    private final RateLimiter limiter;
    private final ClientAddress client;
    private final IdentityMailer mailer;
    private final IdentityConfig config;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AuthService(
            UserRepository users,
            UserSessionRepository sessions,
            PasswordHasher hasher,
            PasswordPolicy policy,
            TokenIssuer tokens,
            ActivityService activities,
            SessionGuard guard,
            RateLimiter limiter,
            ClientAddress client,
            IdentityMailer mailer,
            IdentityConfig config,
            CurrentUser currentUser,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.tokens = tokens;
        this.activities = activities;
        this.guard = guard;
        this.limiter = limiter;
        this.client = client;
        this.mailer = mailer;
        this.config = config;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------- register

    private record Registered(String email, String verificationToken, boolean created) {}

    /**
     * Creates an unverified account and mails a verification link; when the email is taken, mails the owner a
     * notice instead. Either way the answer is the same 202 and both paths run one bcrypt.
     */
    public Uni<AcceptedResponse> register(RegisterRequest request) {
        String email = normalize(request.email());
        limiter.acquireForEmail(email);
        policy.check("password", request.password(), email);
        return hasher.hash(request.password())
                .chain(hash -> Panache.withTransaction(() -> users.findByEmail(email)
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(new Registered(existing.email, null, false))
                                : referrer(request.referralCode())
                                        .chain(referrer -> create(request, email, hash, referrer)))))
                .invoke(registered -> {
                    if (registered.created()) {
                        mailer.sendVerification(registered.email(), registered.verificationToken());
                    } else {
                        mailer.sendAlreadyRegistered(registered.email());
                    }
                })
                .map(registered -> new AcceptedResponse(ACCEPTED_REGISTER));
    }

    private Uni<User> referrer(String code) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return users.findByReferralCode(code.strip().toUpperCase(Locale.ROOT)).invoke(found -> {
            if (found == null || found.deletedAt != null || !found.isActive) {
                throw new BusinessRuleViolationException(
                        "INVALID_REFERRAL_CODE", "No active account has this referral code.");
            }
        });
    }

    private Uni<Registered> create(RegisterRequest request, String email, String hash, User referrer) {
        Instant now = Times.now(clock);
        String token = Secrets.randomToken();
        User user = new User();
        user.email = email;
        user.passwordHash = hash;
        user.firstName = blankToNull(request.firstName());
        user.lastName = blankToNull(request.lastName());
        user.referralCode = Secrets.referralCode();
        user.referredBy = referrer == null ? null : referrer.id;
        user.emailVerificationToken = Secrets.sha256Hex(token);
        user.emailVerificationExpires = now.plus(config.tokens().verificationTtl());
        return users.persist(user)
                .call(saved ->
                        referrer == null ? Uni.createFrom().voidItem() : users.incrementReferralCount(referrer.id))
                .call(saved -> activities.recordFor(
                        saved.id,
                        null,
                        "register",
                        "user",
                        saved.id,
                        "create",
                        referrer == null ? null : Map.of("referredBy", referrer.id)))
                .map(saved -> new Registered(saved.email, token, true));
    }

    // ------------------------------------------------------------------------------------------- login

    private record Candidate(long id, String passwordHash) {}

    /** A result decided inside a transaction and raised after its commit. */
    private record Outcome(TokenResponse tokens, RuntimeException failure) {
        static Outcome ok(TokenResponse tokens) {
            return new Outcome(tokens, null);
        }

        static Outcome fail(RuntimeException failure) {
            return new Outcome(null, failure);
        }

        TokenResponse orThrow() {
            if (failure != null) {
                throw failure;
            }
            return tokens;
        }
    }

    /**
     * Email and password login. Unknown email, wrong password, locked, deactivated, deleted and service accounts
     * all get the same 401 after one bcrypt verification.
     */
    public Uni<TokenResponse> login(LoginRequest request) {
        String email = normalize(request.email());
        limiter.acquireForEmail(email);
        return Panache.withSession(() -> users.findByEmail(email))
                .map(user -> user == null ? null : new Candidate(user.id, user.passwordHash))
                .chain(candidate -> hasher.verify(
                                request.password(), candidate == null ? null : candidate.passwordHash())
                        .chain(matches -> candidate == null
                                ? Uni.createFrom().item(Outcome.fail(AuthenticationProblem.invalidCredentials()))
                                : Panache.withTransaction(() -> finishLogin(candidate.id(), matches))))
                .map(Outcome::orThrow);
    }

    private Uni<Outcome> finishLogin(long userId, boolean passwordMatches) {
        Instant now = Times.now(clock);
        return users.findByIdForUpdate(userId).chain(user -> {
            if (user == null || user.deletedAt != null || !user.isActive || user.role == UserRole.SERVICE) {
                return Uni.createFrom().item(Outcome.fail(AuthenticationProblem.invalidCredentials()));
            }
            if (user.lockoutExpires != null && user.lockoutExpires.isAfter(now)) {
                return activities
                        .recordFor(user.id, null, "login_blocked", "user", user.id, "login", Map.of("reason", "locked"))
                        .replaceWith(Outcome.fail(AuthenticationProblem.invalidCredentials()));
            }
            if (user.lockoutExpires != null) {
                user.lockoutExpires = null; // the lock ran out: count afresh
                user.failedLoginAttempts = 0;
            }
            if (!passwordMatches) {
                user.failedLoginAttempts++;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("failedAttempts", user.failedLoginAttempts);
                if (user.failedLoginAttempts >= config.lockout().maxFailedAttempts()) {
                    user.lockoutExpires = now.plus(config.lockout().period());
                    details.put("lockedUntil", user.lockoutExpires.toString());
                }
                return activities
                        .recordFor(user.id, null, "login_failed", "user", user.id, "login", details)
                        .replaceWith(Outcome.fail(AuthenticationProblem.invalidCredentials()));
            }
            user.failedLoginAttempts = 0;
            user.loginCount++;
            user.lastLogin = now;
            return openSession(user, now, config.tokens().sessionTtl(), true)
                    .call(opened -> activities.recordFor(
                            user.id, opened.session().id, "login", "session", opened.session().id, "create", null))
                    .map(opened -> Outcome.ok(opened.tokens()));
        });
    }

    private record Opened(UserSession session, TokenResponse tokens) {}

    private Uni<Opened> openSession(User user, Instant now, java.time.Duration lifetime, boolean withRefresh) {
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
                .map(saved -> new Opened(
                        saved,
                        tokens.issue(
                                user,
                                saved.sessionToken,
                                withRefresh ? saved.sessionToken + "." + secret : null,
                                saved.expiresAt)));
    }

    // ----------------------------------------------------------------------------------------- refresh

    /**
     * Rotates a refresh token ({@code <session token>.<secret>}): a current one gets a new access token and a new
     * refresh token; an older one of the same session (already rotated, so possibly stolen) revokes the session.
     */
    public Uni<TokenResponse> refresh(RefreshRequest request) {
        String raw = request.refreshToken().strip();
        int dot = raw.indexOf('.');
        if (dot <= 0 || dot == raw.length() - 1) {
            return Uni.createFrom().failure(AuthenticationProblem.invalidRefreshToken());
        }
        String sessionToken = raw.substring(0, dot);
        String secretHash = Secrets.sha256Hex(raw.substring(dot + 1));
        Instant now = Times.now(clock);
        return Panache.withTransaction(() -> sessions.findBySessionTokenForUpdate(sessionToken)
                        .chain(session -> rotate(session, secretHash, now)))
                .invoke(outcome -> {
                    if (outcome.failure() != null) {
                        guard.forget(sessionToken);
                    }
                })
                .map(Outcome::orThrow);
    }

    private Uni<Outcome> rotate(UserSession session, String secretHash, Instant now) {
        if (session == null || !session.isActive || session.revokedAt != null || !session.expiresAt.isAfter(now)) {
            return Uni.createFrom().item(Outcome.fail(AuthenticationProblem.invalidRefreshToken()));
        }
        if (!Secrets.sameHash(secretHash, session.refreshToken)) {
            revoke(session, SessionRevocation.REFRESH_REUSE, now);
            return activities
                    .recordFor(
                            session.userId,
                            session.id,
                            "refresh_token_reused",
                            "session",
                            session.id,
                            "revoke",
                            Map.of("reason", SessionRevocation.REFRESH_REUSE))
                    .replaceWith(Outcome.fail(AuthenticationProblem.invalidRefreshToken()));
        }
        return users.findById(session.userId).map(user -> {
            if (user == null || user.deletedAt != null || !user.isActive) {
                return Outcome.fail(AuthenticationProblem.invalidRefreshToken());
            }
            String secret = Secrets.randomToken();
            session.refreshToken = Secrets.sha256Hex(secret);
            session.lastUsedAt = now;
            session.ipAddress = client.ip();
            return Outcome.ok(
                    tokens.issue(user, session.sessionToken, session.sessionToken + "." + secret, session.expiresAt));
        });
    }

    static void revoke(UserSession session, String reason, Instant now) {
        session.isActive = false;
        session.revokedAt = now;
        session.revokedReason = reason;
    }

    // ------------------------------------------------------------------------------------------ logout

    /** Revokes the caller's session (the {@code sid} of the access token). */
    public Uni<Void> logout() {
        long userId = currentUser.userId();
        String sessionToken = currentUser.sessionId().orElse(null);
        if (sessionToken == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Times.now(clock);
        return Panache.withTransaction(() -> sessions.findBySessionTokenForUpdate(sessionToken)
                        .chain(session -> {
                            if (session == null || session.userId != userId || session.revokedAt != null) {
                                return Uni.createFrom().voidItem();
                            }
                            revoke(session, SessionRevocation.LOGOUT, now);
                            return activities.recordFor(
                                    userId, session.id, "logout", "session", session.id, "revoke", null);
                        }))
                .invoke(() -> guard.forget(sessionToken));
    }

    /** Revokes every session of the caller, this one included. */
    public Uni<Void> logoutAll() {
        long userId = currentUser.userId();
        String sessionToken = currentUser.sessionId().orElse(null);
        Instant now = Times.now(clock);
        return Panache.withTransaction(() -> (sessionToken == null
                                ? Uni.createFrom().<UserSession>nullItem()
                                : sessions.findBySessionToken(sessionToken))
                        .chain(current -> sessions.revokeAll(userId, null, SessionRevocation.LOGOUT_ALL, now)
                                .chain(count -> activities.recordFor(
                                        userId,
                                        current == null ? null : current.id,
                                        "logout_all",
                                        "session",
                                        null,
                                        "revoke",
                                        Map.of("sessions", count)))))
                .invoke(() -> guard.forgetUser(userId));
    }

    // ---------------------------------------------------------------------------------- client grant

    /** Client-credentials grant of a service client: an access token of a new short session, no refresh token. */
    public Uni<TokenResponse> clientToken(ClientTokenRequest request) {
        String clientId = normalize(request.clientId());
        limiter.acquireForEmail(clientId);
        return Panache.withSession(() -> users.findByEmail(clientId))
                .map(user -> user == null ? null : new Candidate(user.id, user.passwordHash))
                .chain(candidate -> hasher.verify(
                                request.clientSecret(), candidate == null ? null : candidate.passwordHash())
                        .chain(matches -> !matches
                                ? Uni.createFrom().item(Outcome.fail(AuthenticationProblem.invalidClient()))
                                : Panache.withTransaction(() -> users.findById(candidate.id())
                                        .chain(user -> {
                                            if (user.role != UserRole.SERVICE
                                                    || !user.isActive
                                                    || user.deletedAt != null) {
                                                return Uni.createFrom()
                                                        .item(Outcome.fail(AuthenticationProblem.invalidClient()));
                                            }
                                            Instant now = Times.now(clock);
                                            user.loginCount++;
                                            user.lastLogin = now;
                                            return openSession(
                                                            user,
                                                            now,
                                                            config.tokens().accessTokenTtl(),
                                                            false)
                                                    .call(opened -> activities.recordFor(
                                                            user.id,
                                                            opened.session().id,
                                                            "token_issued",
                                                            "session",
                                                            opened.session().id,
                                                            "create",
                                                            null))
                                                    .map(opened -> Outcome.ok(opened.tokens()));
                                        }))))
                .map(Outcome::orThrow);
    }

    // ---------------------------------------------------------------------------- email verification

    /** Confirms the email address of the account holding this single-use token. */
    public Uni<Void> verifyEmail(TokenRequestBodies.MailToken request) {
        String hash = Secrets.sha256Hex(request.token().strip());
        Instant now = Times.now(clock);
        return Panache.withTransaction(() -> users.findByVerificationTokenHash(hash)
                .chain(user -> {
                    if (user == null
                            || user.emailVerificationExpires == null
                            || !user.emailVerificationExpires.isAfter(now)
                            || user.deletedAt != null) {
                        return Uni.createFrom().failure(invalidMailToken());
                    }
                    user.isVerified = true;
                    user.emailVerificationToken = null;
                    user.emailVerificationExpires = null;
                    return activities.recordFor(user.id, null, "email_verified", "user", user.id, "update", null);
                }));
    }

    /** Mails a new verification link when the address has an unverified account; always 202. */
    public Uni<AcceptedResponse> resendVerification(TokenRequestBodies.EmailAddress request) {
        String email = normalize(request.email());
        limiter.acquireForEmail(email);
        Instant now = Times.now(clock);
        return Panache.withTransaction(() -> users.findByEmail(email).map(user -> {
                    if (user == null || user.isVerified || !user.isActive || user.deletedAt != null) {
                        return null;
                    }
                    String token = Secrets.randomToken();
                    user.emailVerificationToken = Secrets.sha256Hex(token);
                    user.emailVerificationExpires = now.plus(config.tokens().verificationTtl());
                    return new Registered(user.email, token, true);
                }))
                .invoke(sent -> {
                    if (sent != null) {
                        mailer.sendVerification(sent.email(), sent.verificationToken());
                    }
                })
                .map(sent -> new AcceptedResponse(ACCEPTED_MAIL));
    }

    // -------------------------------------------------------------------------------- password reset

    /** Mails a single-use reset link when the address has an active account; always 202. */
    public Uni<AcceptedResponse> forgotPassword(TokenRequestBodies.EmailAddress request) {
        String email = normalize(request.email());
        limiter.acquireForEmail(email);
        Instant now = Times.now(clock);
        return Panache.withTransaction(() -> users.findByEmail(email).chain(user -> {
                    if (user == null || !user.isActive || user.deletedAt != null || user.role == UserRole.SERVICE) {
                        return Uni.createFrom().<Registered>nullItem();
                    }
                    String token = Secrets.randomToken();
                    user.resetPasswordToken = Secrets.sha256Hex(token);
                    user.resetPasswordExpires = now.plus(config.tokens().resetTtl());
                    return activities
                            .recordFor(user.id, null, "password_reset_requested", "user", user.id, "update", null)
                            .replaceWith(new Registered(user.email, token, true));
                }))
                .invoke(sent -> {
                    if (sent != null) {
                        mailer.sendPasswordReset(sent.email(), sent.verificationToken());
                    }
                })
                .map(sent -> new AcceptedResponse(ACCEPTED_MAIL));
    }

    /**
     * Sets a new password with a reset token (single use), clears any lockout, confirms the email (the mail was
     * received) and revokes every session.
     */
    public Uni<Void> resetPassword(TokenRequestBodies.ResetPassword request) {
        String hash = Secrets.sha256Hex(request.token().strip());
        return Panache.withSession(() -> users.findByResetTokenHash(hash).map(user -> {
                    Instant now = Times.now(clock);
                    if (user == null
                            || user.resetPasswordExpires == null
                            || !user.resetPasswordExpires.isAfter(now)
                            || !user.isActive
                            || user.deletedAt != null) {
                        throw invalidMailToken();
                    }
                    return user.email;
                }))
                .invoke(email -> policy.check("newPassword", request.newPassword(), email))
                .chain(email -> hasher.hash(request.newPassword()))
                .chain(newHash -> Panache.withTransaction(() -> users.findByResetTokenHash(hash)
                        .chain(user -> {
                            Instant now = Times.now(clock);
                            if (user == null
                                    || user.resetPasswordExpires == null
                                    || !user.resetPasswordExpires.isAfter(now)) {
                                return Uni.createFrom().failure(invalidMailToken());
                            }
                            user.passwordHash = newHash;
                            user.resetPasswordToken = null;
                            user.resetPasswordExpires = null;
                            user.failedLoginAttempts = 0;
                            user.lockoutExpires = null;
                            user.isVerified = true;
                            return sessions.revokeAll(user.id, null, SessionRevocation.PASSWORD_RESET, now)
                                    .call(count -> activities.recordFor(
                                            user.id,
                                            null,
                                            "password_reset",
                                            "user",
                                            user.id,
                                            "update",
                                            Map.of("sessionsRevoked", count)))
                                    .map(count -> user.id);
                        })))
                .invoke(guard::forgetUser)
                .replaceWithVoid();
    }

    private static BusinessRuleViolationException invalidMailToken() {
        return new BusinessRuleViolationException(
                "INVALID_OR_EXPIRED_TOKEN", "The link is not valid any more; ask for a new one.");
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
