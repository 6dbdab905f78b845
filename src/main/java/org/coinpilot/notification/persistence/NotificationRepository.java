package org.coinpilot.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.notification.domain.Notification;
import org.coinpilot.notification.domain.NotificationStatus;

/** Queries of {@code notifications}. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, Long> {

    /** The notification {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<Notification> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The owner's unread count (the badge); served by {@code ix_notifications_user_unread}. */
    public Uni<Long> countUnread(long ownerId) {
        return count(
                "userId = :ownerId and status = :status",
                Parameters.with("ownerId", ownerId).and("status", NotificationStatus.UNREAD));
    }
}
