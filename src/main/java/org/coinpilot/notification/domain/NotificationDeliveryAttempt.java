package org.coinpilot.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the delivery log ({@code notification_delivery_attempts}): sent, failed (with the error) or held. */
@Entity
@Table(name = "notification_delivery_attempts")
public class NotificationDeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public Long deliveryId;

    /** 1-based number of the attempt within its delivery. */
    @Column(name = "attempt", nullable = false)
    public int attempt;

    @Convert(converter = DeliveryAttemptStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public DeliveryAttemptStatus status;

    /** The receiver's HTTP status (webhook), if it answered. */
    @Column(name = "http_status")
    public Integer httpStatus;

    /** What went wrong, cut to 500 characters. */
    @Column(name = "error")
    public String error;

    @Column(name = "latency_ms")
    public Integer latencyMs;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
