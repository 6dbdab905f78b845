package org.coinpilot.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.notification.domain.NotificationDelivery;
import org.coinpilot.notification.domain.NotificationDeliveryAttempt;

/** The delivery log of a notification, read through the mapped entities (the outbox statements: DeliverySqlRepository). */
@ApplicationScoped
public class NotificationDeliveryRepository implements PanacheRepositoryBase<NotificationDelivery, Long> {

    /** The deliveries of a notification of {@code ownerId}, by channel. */
    public Uni<List<NotificationDelivery>> listByNotificationAndOwner(long notificationId, long ownerId) {
        return list(
                "notificationId = :notificationId and userId = :ownerId order by channel, id",
                Parameters.with("notificationId", notificationId).and("ownerId", ownerId));
    }

    /** The attempts of these deliveries, in order. */
    public Uni<List<NotificationDeliveryAttempt>> attemptsOf(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession()
                .chain(session -> session.createQuery(
                                "from NotificationDeliveryAttempt a where a.deliveryId in (:ids) "
                                        + "order by a.deliveryId, a.attempt, a.id",
                                NotificationDeliveryAttempt.class)
                        .setParameter("ids", deliveryIds)
                        .getResultList());
    }
}
