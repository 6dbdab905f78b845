package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.api.MeResponse;
import org.coinpilot.identity.api.ReferralsResponse;
import org.coinpilot.identity.api.SessionResponse;
import org.coinpilot.identity.api.TokenRequestBodies;
import org.coinpilot.identity.api.UpdateMeRequest;
import org.coinpilot.identity.domain.SessionRevocation;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.persistence.UserRepository;
import org.coinpilot.identity.persistence.UserSessionRepository;

/** The caller's own account: profile, password, sessions, referrals, deletion. */
@ApplicationScoped
public class AccountService {

    private final Transactions transactions;
    private final UserRepository users;
    private final UserSessionRepository sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final ActivityService activities;
    private final SessionGuard guard;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AccountService(
            Transactions transactions,
            UserRepository users,
            UserSessionRepository sessions,
            PasswordHasher hasher,
            PasswordPolicy policy,
            ActivityService activities,
            SessionGuard guard,
            CurrentUser currentUser,
            Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.activities = activities;
        this.guard = guard;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public Uni<MeResponse> me() {
        long userId = currentUser.userId();
        return transactions.read(() -> load(userId).map(UserViews::me));
    }

    /** Applies the fields that are present; records the changed field names in the audit trail. */
    public Uni<MeResponse> update(UpdateMeRequest request) {
        if (request.timezone() != null && !isZone(request.timezone())) {
            throw new BadRequestProblemException("timezone", "body", "must be an IANA time zone such as Europe/Paris");
        }
        if (request.preferences() != null) {
            PreferencesValidator.check(request.preferences());
        }
        long userId = currentUser.userId();
        return transactions.write(() -> load(userId).chain(user -> {
            List<String> changed = new ArrayList<>();
            if (request.firstName() != null) {
                user.firstName = Inputs.blankToNull(request.firstName());
                changed.add("firstName");
            }
            if (request.lastName() != null) {
                user.lastName = Inputs.blankToNull(request.lastName());
                changed.add("lastName");
            }
            if (request.bio() != null) {
                user.bio = Inputs.blankToNull(request.bio());
                changed.add("bio");
            }
            if (request.profilePictureUrl() != null) {
                user.profilePictureUrl = Inputs.blankToNull(request.profilePictureUrl());
                changed.add("profilePictureUrl");
            }
            if (request.timezone() != null) {
                user.timezone = request.timezone();
                changed.add("timezone");
            }
            if (request.language() != null) {
                user.language = request.language();
                changed.add("language");
            }
            if (request.preferences() != null) {
                Map<String, Object> replaced = new LinkedHashMap<>(request.preferences());
                if (user.preferences != null && user.preferences.containsKey(PreferencesValidator.NOTIFICATIONS)) {
                    replaced.put(
                            PreferencesValidator.NOTIFICATIONS,
                            user.preferences.get(PreferencesValidator.NOTIFICATIONS));
                }
                user.preferences = replaced;
                changed.add("preferences");
            }
            return activities
                    .record("profile_updated", "user", user.id, "update", Map.of("fields", changed))
                    .map(done -> UserViews.me(user));
        }));
    }

    /** Changes the password (the current one is required) and revokes every other session. */
    public Uni<Void> changePassword(TokenRequestBodies.ChangePassword request) {
        long userId = currentUser.userId();
        String keep = currentUser.sessionId().orElse(null);
        return transactions
                .read(() -> load(userId))
                .map(user -> new String[] {user.email, user.passwordHash})
                .chain(found -> hasher.verify(request.currentPassword(), found[1])
                        .invoke(matches -> {
                            if (!matches) {
                                throw new BadRequestProblemException("currentPassword", "body", "is not correct");
                            }
                            policy.check("newPassword", request.newPassword(), found[0]);
                        }))
                .chain(ok -> hasher.hash(request.newPassword()))
                .chain(hash -> transactions.write(() -> load(userId).chain(user -> {
                    Instant now = Times.now(clock);
                    user.passwordHash = hash;
                    user.resetPasswordToken = null;
                    user.resetPasswordExpires = null;
                    return sessions.revokeAll(userId, keep, SessionRevocation.PASSWORD_CHANGED, now)
                            .chain(count -> activities.record(
                                    "password_changed", "user", userId, "update", Map.of("sessionsRevoked", count)));
                })))
                .call(() -> guard.forgetUser(userId));
    }

    /** Soft-deletes the caller's account and revokes all its sessions. */
    public Uni<Void> delete() {
        long userId = currentUser.userId();
        return transactions
                .write(() -> load(userId).chain(user -> {
                    Instant now = Times.now(clock);
                    user.deletedAt = now;
                    user.deletedBy = userId;
                    user.isActive = false;
                    return activities
                            .record("account_deleted", "user", userId, "delete", null)
                            .chain(() -> sessions.revokeAll(userId, null, SessionRevocation.ACCOUNT_DELETED, now));
                }))
                .call(() -> guard.forgetUser(userId))
                .replaceWithVoid();
    }

    public Uni<PageResponse<SessionResponse>> sessions(PageQuery page) {
        long userId = currentUser.userId();
        String current = currentUser.sessionId().orElse("");
        Instant now = Times.now(clock);
        return transactions.read(() -> {
            Uni<Long> total = page.includeTotal
                    ? sessions.countActive(userId, now)
                    : Uni.createFrom().nullItem();
            return total.chain(count -> sessions.findActivePage(userId, now, page)
                    .map(rows -> PageResponse.of(
                            rows.stream()
                                    .map(s -> UserViews.session(s, current))
                                    .toList(),
                            page,
                            count)));
        });
    }

    /** Revokes one of the caller's sessions; another user's (or an unknown) id is a 404. */
    public Uni<Void> revokeSession(long sessionId) {
        long userId = currentUser.userId();
        Instant now = Times.now(clock);
        return transactions
                .write(() -> sessions.findActiveByIdAndOwner(sessionId, userId, now)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new ResourceNotFoundException(
                                "SESSION_NOT_FOUND", "You have no active session with id " + sessionId + "."))
                        .call(session -> {
                            session.revoke(SessionRevocation.USER_REVOKED, now);
                            return activities.record("session_revoked", "session", session.id, "revoke", null);
                        }))
                .call(session -> guard.forget(session.sessionToken, userId))
                .replaceWithVoid();
    }

    public Uni<ReferralsResponse> referrals(PageQuery page) {
        long userId = currentUser.userId();
        return transactions.read(() -> load(userId).chain(user -> {
            Uni<Long> total = page.includeTotal
                    ? users.countReferred(userId)
                    : Uni.createFrom().nullItem();
            return total.chain(count -> users.findReferred(userId, page)
                    .map(rows -> new ReferralsResponse(
                            user.referralCode,
                            user.referralCount,
                            PageResponse.of(
                                    rows.stream().map(UserViews::referred).toList(), page, count))));
        }));
    }

    private Uni<User> load(long userId) {
        return users.findById(userId)
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException("USER_NOT_FOUND", "Your account does not exist."));
    }

    private static boolean isZone(String zone) {
        try {
            return zone.contains("/") || "UTC".equals(zone) ? ZoneId.of(zone) != null : false;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
