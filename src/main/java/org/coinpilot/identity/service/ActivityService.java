package org.coinpilot.identity.service;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.identity.api.ActivityQuery;
import org.coinpilot.identity.api.ActivityResponse;
import org.coinpilot.identity.domain.UserActivity;
import org.coinpilot.identity.persistence.UserActivityRepository;

/**
 * The audit trail ({@code user_activities}): the {@link AuditTrail} every feature records through, the auth
 * events of identity, and the activity lists. A row is persisted in the caller's transaction (joined when one is
 * open), with the caller's IP, user agent and session.
 */
@ApplicationScoped
public class ActivityService implements AuditTrail {

    private final Transactions transactions;
    private final UserActivityRepository activities;
    private final ClientAddress client;
    private final SessionGuard guard;

    public ActivityService(
            Transactions transactions, UserActivityRepository activities, ClientAddress client, SessionGuard guard) {
        this.transactions = transactions;
        this.activities = activities;
        this.client = client;
        this.guard = guard;
    }

    @Override
    public Uni<Void> record(
            String activityType, String entityType, Long entityId, String action, Map<String, Object> details) {
        Optional<CurrentUser> caller = currentUser();
        if (caller.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long userId;
        try {
            userId = caller.get().userId();
        } catch (RuntimeException e) {
            return Uni.createFrom().voidItem(); // anonymous caller: nothing to attribute the change to
        }
        Optional<String> sid = caller.get().sessionId();
        if (sid.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Tokens without a real session exist only where reject-unknown-session is off (tests of other features
        // minting their own tokens): their subject may name no user, so there is nothing to attribute the row to.
        return guard.check(sid.get(), userId).chain(status -> switch (status.verdict()) {
            case USABLE, REVOKED ->
                transactions.write(() ->
                        recordFor(userId, status.sessionId(), activityType, entityType, entityId, action, details));
            case UNKNOWN, OTHER_USER -> Uni.createFrom().voidItem();
        });
    }

    /**
     * Records an activity of a known user and session (auth events, before a token exists) in the caller's open
     * Panache transaction.
     */
    public Uni<Void> recordFor(
            long userId,
            Long sessionId,
            String activityType,
            String entityType,
            Long entityId,
            String action,
            Map<String, Object> details) {
        UserActivity activity = new UserActivity();
        activity.userId = userId;
        activity.sessionId = sessionId;
        activity.activityType = activityType;
        activity.entityType = entityType;
        activity.entityId = entityId;
        activity.action = action;
        activity.details = details == null || details.isEmpty() ? null : new LinkedHashMap<>(details);
        activity.ipAddress = client.ip();
        activity.userAgent = client.userAgent();
        return activities.persist(activity).replaceWithVoid();
    }

    /** The caller's own activities, newest first. */
    public Uni<PageResponse<ActivityResponse>> listOwn(ActivityQuery query, PageQuery page) {
        long userId = currentUser().orElseThrow().userId();
        UserActivityRepository.Filter filter = filter(userId, query);
        return transactions.read(() -> list(filter, page));
    }

    /** Any user's activities (admin), newest first. */
    public Uni<PageResponse<ActivityResponse>> listAll(Long userId, ActivityQuery query, PageQuery page) {
        UserActivityRepository.Filter filter = filter(userId, query);
        return transactions.read(() -> list(filter, page));
    }

    private Uni<PageResponse<ActivityResponse>> list(UserActivityRepository.Filter filter, PageQuery page) {
        Uni<Long> total =
                page.includeTotal ? activities.count(filter) : Uni.createFrom().nullItem();
        return total.chain(count -> activities
                .findPage(filter, page)
                .map(rows -> PageResponse.of(
                        rows.stream().map(ActivityService::toResponse).toList(), page, count)));
    }

    private static UserActivityRepository.Filter filter(Long userId, ActivityQuery query) {
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        return new UserActivityRepository.Filter(
                userId, query.type, query.entityType, query.entityId, query.action, from, to);
    }

    static ActivityResponse toResponse(UserActivity a) {
        return new ActivityResponse(
                a.id,
                a.userId,
                a.activityType,
                a.entityType,
                a.entityId,
                a.action,
                a.details,
                a.ipAddress == null ? null : a.ipAddress.getHostAddress(),
                a.userAgent,
                a.sessionId,
                a.createdAt);
    }

    private static Optional<CurrentUser> currentUser() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.of(Arc.container().instance(CurrentUser.class).get());
    }
}
