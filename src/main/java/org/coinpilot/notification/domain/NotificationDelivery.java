package org.coinpilot.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.coinpilot.common.persistence.AuditedEntity;

/**
 * One outbox row ({@code notification_deliveries}): a notification to deliver through one external channel, with
 * its idempotency key {@code <notificationId>:<channel>}. Written by the fan-out statement and moved on by the
 * delivery job (set-based SQL in {@code NotificationDeliveryRepository}); this mapping serves the delivery log.
 */
@Entity
@Table(name = "notification_deliveries")
public class NotificationDelivery extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "notification_id", nullable = false)
    public Long notificationId;

    /** Recipient and owner ({@code users.id}), the notification's user. */
    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Convert(converter = DeliveryChannel.Converter.class)
    @Column(name = "channel", nullable = false)
    public DeliveryChannel channel;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Convert(converter = DeliveryStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public DeliveryStatus status = DeliveryStatus.PENDING;

    /** Attempts claimed so far (sent, failed or held). */
    @Column(name = "attempts", nullable = false)
    public int attempts;

    /** When the delivery is due (pending, held) or was last handled. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** When the channel accepted it. */
    @Column(name = "sent_at")
    public Instant sentAt;
}
