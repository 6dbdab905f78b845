package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.paging.SortOrder;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.api.AdminUpdateUserRequest;
import org.coinpilot.identity.api.AdminUserQuery;
import org.coinpilot.identity.api.AdminUserResponse;
import org.coinpilot.identity.api.ServiceClientRequest;
import org.coinpilot.identity.api.ServiceClientResponse;
import org.coinpilot.identity.domain.SessionRevocation;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserRole;
import org.coinpilot.identity.persistence.UserRepository;
import org.coinpilot.identity.persistence.UserSessionRepository;

/** Administration of accounts: list, view, change, deactivate, restore, unlock, and service clients. */
@ApplicationScoped
public class AdminUserService {

    static final String SERVICE_DOMAIN = "@service.coinpilot.internal";
    static final Map<String, String> SORTS = Map.of(
            "createdAt", "createdAt",
            "email", "email",
            "lastLogin", "lastLogin",
            "loginCount", "loginCount",
            "id", "id");

    private final Transactions transactions;
    private final UserRepository users;
    private final UserSessionRepository sessions;
    private final PasswordHasher hasher;
    private final ActivityService activities;
    private final SessionGuard guard;
    private final AuthThrottle throttle;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AdminUserService(
            Transactions transactions,
            UserRepository users,
            UserSessionRepository sessions,
            PasswordHasher hasher,
            ActivityService activities,
            SessionGuard guard,
            AuthThrottle throttle,
            CurrentUser currentUser,
            Clock clock) {
        this.transactions = transactions;
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.activities = activities;
        this.guard = guard;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public Uni<PageResponse<AdminUserResponse>> list(AdminUserQuery query, PageQuery page) {
        String orderBy = SortOrder.parse(query.sort, SORTS, "-createdAt").hql();
        var filter = new UserRepository.Filter(
                query.role, query.active, query.verified, query.plan, query.text, query.deleted);
        return transactions.read(() -> {
            Uni<Long> total =
                    page.includeTotal ? users.count(filter) : Uni.createFrom().nullItem();
            return total.chain(count -> users.findPage(filter, orderBy, page)
                    .map(rows ->
                            PageResponse.of(rows.stream().map(UserViews::admin).toList(), page, count)));
        });
    }

    public Uni<AdminUserResponse> get(long id) {
        return transactions.read(() -> load(id).map(UserViews::admin));
    }

    public Uni<AdminUserResponse> update(long id, AdminUpdateUserRequest request) {
        long adminId = currentUser.userId();
        return transactions.write(() -> load(id).chain(user -> {
            List<String> changed = new ArrayList<>();
            if (request.role() != null && request.role() != user.role) {
                if (user.id == adminId) {
                    throw new BusinessRuleViolationException(
                            "CANNOT_CHANGE_OWN_ROLE", "You cannot change your own role.");
                }
                user.role = request.role();
                changed.add("role");
            }
            boolean suspended = false;
            if (request.active() != null && request.active() != user.isActive) {
                if (user.id == adminId) {
                    throw new BusinessRuleViolationException(
                            "CANNOT_DEACTIVATE_SELF", "You cannot deactivate your own account.");
                }
                user.isActive = request.active();
                suspended = !user.isActive;
                changed.add("active");
            }
            if (request.notes() != null) {
                user.notes = Inputs.blankToNull(request.notes());
                changed.add("notes");
            }
            if (request.subscriptionPlan() != null) {
                user.subscriptionPlan = request.subscriptionPlan();
                changed.add("subscriptionPlan");
            }
            if (request.subscriptionExpiresAt() != null) {
                user.subscriptionExpiresAt = Times.micros(request.subscriptionExpiresAt());
                changed.add("subscriptionExpiresAt");
            }
            if (request.accountBalance() != null) {
                user.accountBalance = request.accountBalance().setScale(8, java.math.RoundingMode.HALF_EVEN);
                changed.add("accountBalance");
            }
            String revokeReason = suspended
                    ? SessionRevocation.ADMIN_DEACTIVATED
                    : changed.contains("role") ? SessionRevocation.ROLE_CHANGED : null;
            Uni<Integer> revoke = revokeReason == null
                    ? Uni.createFrom().item(0)
                    : sessions.revokeAll(user.id, null, revokeReason, Times.now(clock));
            return revoke.call(n ->
                            activities.record("user_updated", "user", user.id, "update", Map.of("fields", changed)))
                    .call(n ->
                            n > 0 ? guard.forgetUser(user.id) : Uni.createFrom().voidItem())
                    .map(n -> UserViews.admin(user));
        }));
    }

    /** Soft-deletes (deactivates) an account, records who did it and revokes its sessions. */
    public Uni<AdminUserResponse> deactivate(long id) {
        long adminId = currentUser.userId();
        if (id == adminId) {
            throw new BusinessRuleViolationException(
                    "CANNOT_DEACTIVATE_SELF", "You cannot deactivate your own account.");
        }
        return transactions.write(() -> load(id).chain(user -> {
            Instant now = Times.now(clock);
            user.isActive = false;
            if (user.deletedAt == null) {
                user.deletedAt = now;
            }
            user.deletedBy = adminId;
            return sessions.revokeAll(user.id, null, SessionRevocation.ADMIN_DEACTIVATED, now)
                    .call(n -> activities.record("user_deactivated", "user", user.id, "delete", Map.of("sessions", n)))
                    .call(n -> guard.forgetUser(user.id))
                    .map(n -> UserViews.admin(user));
        }));
    }

    /** Undoes a deactivation or a self-deletion. */
    public Uni<AdminUserResponse> restore(long id) {
        return transactions.write(() -> load(id).chain(user -> {
            user.isActive = true;
            user.deletedAt = null;
            user.deletedBy = null;
            return activities
                    .record("user_restored", "user", user.id, "update", null)
                    .map(v -> UserViews.admin(user));
        }));
    }

    /**
     * Clears everything that limits the account's sign-ins: the failed-sign-in counter, a pending sign-in code, and
     * every sign-in and mail counter of its email in {@code auth_throttles} (from every address), on all replicas.
     */
    public Uni<AdminUserResponse> unlock(long id) {
        return transactions
                .write(() -> load(id).chain(user -> {
                    user.failedLoginAttempts = 0;
                    user.lockoutExpires = null;
                    user.loginCodeHash = null;
                    user.loginCodeExpires = null;
                    return activities
                            .record("user_unlocked", "user", user.id, "update", null)
                            .map(v -> UserViews.admin(user));
                }))
                .call(unlocked -> transactions.sql(connection -> throttle.clearAccount(connection, unlocked.email())));
    }

    /**
     * Creates a machine client: a {@code service} user whose email is the client id and whose password hash holds
     * the bcrypt of a generated secret, returned this once.
     */
    public Uni<ServiceClientResponse> createServiceClient(ServiceClientRequest request) {
        String clientId = request.name() + SERVICE_DOMAIN;
        String secret = Secrets.randomToken();
        return hasher.hash(secret)
                .chain(hash -> transactions.write(() -> createClient(clientId, hash, request.notes())))
                .map(userId -> new ServiceClientResponse(userId, clientId, secret));
    }

    private Uni<Long> createClient(String clientId, String hash, String notes) {
        return users.findByEmail(clientId).chain(existing -> {
            if (existing != null) {
                throw new ConflictException("CLIENT_EXISTS", "A service client with this name exists.");
            }
            User user = new User();
            user.email = clientId;
            user.passwordHash = hash;
            user.role = UserRole.SERVICE;
            user.isVerified = true;
            user.notes = Inputs.blankToNull(notes);
            user.preferences = new LinkedHashMap<>();
            return users.persist(user)
                    .call(saved -> activities.record(
                            "service_client_created", "user", saved.id, "create", Map.of("clientId", clientId)))
                    .map(saved -> saved.id);
        });
    }

    private Uni<User> load(long id) {
        return users.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException("USER_NOT_FOUND", "No user has id " + id + "."));
    }
}
