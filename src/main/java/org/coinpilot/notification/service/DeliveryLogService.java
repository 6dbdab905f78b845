package org.coinpilot.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.api.NotificationDeliveriesResponse;
import org.coinpilot.notification.domain.NotificationDelivery;
import org.coinpilot.notification.domain.NotificationDeliveryAttempt;
import org.coinpilot.notification.persistence.NotificationDeliveryRepository;

/** The delivery log of the caller's notifications. */
@ApplicationScoped
public class DeliveryLogService {

    private final NotificationDeliveryRepository repository;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Transactions tx;

    public DeliveryLogService(
            NotificationDeliveryRepository repository,
            NotificationService notifications,
            CurrentUser currentUser,
            Clock clock,
            Transactions tx) {
        this.tx = tx;
        this.repository = repository;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The deliveries of notification {@code id} with their attempts; 404 when it is not the caller's or not shown
     * (scheduled for later, expired, dismissed), as in the notifications API.
     */
    public Uni<NotificationDeliveriesResponse> deliveries(long id) {
        return tx.read(() -> {
            long ownerId = currentUser.userId();
            return notifications
                    .load(id, Times.now(clock))
                    .chain(() -> repository.listByNotificationAndOwner(id, ownerId))
                    .chain(deliveries -> repository
                            .attemptsOf(deliveries.stream().map(d -> d.id).toList())
                            .map(attempts -> new NotificationDeliveriesResponse(id, items(deliveries, attempts))));
        });
    }

    private static List<NotificationDeliveriesResponse.Delivery> items(
            List<NotificationDelivery> deliveries, List<NotificationDeliveryAttempt> attempts) {
        Map<Long, List<NotificationDeliveriesResponse.Attempt>> byDelivery = new LinkedHashMap<>();
        for (NotificationDeliveryAttempt a : attempts) {
            byDelivery
                    .computeIfAbsent(a.deliveryId, k -> new ArrayList<>())
                    .add(new NotificationDeliveriesResponse.Attempt(
                            a.attempt, a.status, a.httpStatus, a.error, a.latencyMs, a.attemptedAt));
        }
        return deliveries.stream()
                .map(d -> new NotificationDeliveriesResponse.Delivery(
                        d.id,
                        d.channel,
                        d.status,
                        d.attempts,
                        d.nextAttemptAt,
                        d.sentAt,
                        d.lastError,
                        d.idempotencyKey,
                        d.createdAt,
                        byDelivery.getOrDefault(d.id, List.of())))
                .toList();
    }
}
