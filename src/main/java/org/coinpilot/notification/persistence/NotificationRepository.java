package org.coinpilot.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.notification.domain.Notification;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.domain.NotificationStatus;
import org.coinpilot.notification.domain.NotificationType;

/**
 * Queries of {@code notifications} through the Panache session (the owner API). Every owner query takes the
 * owner id and applies the visibility rule in the query: due ({@code scheduled_for} null or reached), not expired
 * and not dismissed, at the {@code now} given by the service's clock.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, Long> {

    /** The visibility rule in HQL; uses {@code :now} and {@code :dismissed}. */
    static final String VISIBLE = "(scheduledFor is null or scheduledFor <= :now)"
            + " and (expiresAt is null or expiresAt > :now) and status <> :dismissed";

    /** Newest first: when it appeared (its due time, else its creation), then id. */
    static final String NEWEST_FIRST = " order by coalesce(scheduledFor, createdAt) desc, id desc";

    /** Filter of the owner's list; null or empty fields are not applied. */
    public record Filter(
            NotificationStatus status, List<NotificationType> types, List<NotificationPriority> priorities) {}

    /** The notification {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<Notification> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The owner's notification {@code id} when it is visible at {@code now}, else null. */
    public Uni<Notification> findVisibleByIdAndOwner(long id, long ownerId, Instant now) {
        return find(
                        "id = :id and userId = :ownerId and " + VISIBLE,
                        visible(now).and("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** One page of the owner's visible notifications, newest first. */
    public Uni<List<Notification>> findVisiblePage(long ownerId, Filter filter, Instant now, PageQuery page) {
        HqlFilter where = where(ownerId, filter, now);
        return find(where.hql() + NEWEST_FIRST, where.parameters())
                .page(page.page, page.size)
                .list();
    }

    /** How many of the owner's notifications the filter shows. */
    public Uni<Long> countVisible(long ownerId, Filter filter, Instant now) {
        HqlFilter where = where(ownerId, filter, now);
        return count(where.hql(), where.parameters());
    }

    /** The owner's visible unread count (the badge); served by {@code ix_notifications_user_unread}. */
    public Uni<Long> countVisibleUnread(long ownerId, Instant now) {
        return count(
                "userId = :ownerId and status = :unread and " + VISIBLE,
                visible(now).and("ownerId", ownerId).and("unread", NotificationStatus.UNREAD));
    }

    /** Marks every visible unread notification of the owner read at {@code now}; how many changed. */
    public Uni<Integer> markAllVisibleRead(long ownerId, Instant now) {
        return update(
                "status = :read, readAt = :now where userId = :ownerId and status = :unread and " + VISIBLE,
                visible(now)
                        .and("ownerId", ownerId)
                        .and("read", NotificationStatus.READ)
                        .and("unread", NotificationStatus.UNREAD));
    }

    private static Parameters visible(Instant now) {
        return Parameters.with("now", now).and("dismissed", NotificationStatus.DISMISSED);
    }

    private static HqlFilter where(long ownerId, Filter filter, Instant now) {
        HqlFilter where = new HqlFilter()
                .equal("userId", "ownerId", ownerId)
                .when(now, VISIBLE, "now", now)
                .equal("status", "status", filter.status())
                .when(
                        empty(filter.types()) ? null : filter.types(),
                        "notificationType in :types",
                        "types",
                        filter.types())
                .when(
                        empty(filter.priorities()) ? null : filter.priorities(),
                        "priority in :priorities",
                        "priorities",
                        filter.priorities());
        where.parameters().and("dismissed", NotificationStatus.DISMISSED);
        return where;
    }

    private static boolean empty(List<?> values) {
        return values == null || values.isEmpty();
    }
}
