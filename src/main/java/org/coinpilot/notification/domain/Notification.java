package org.coinpilot.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A notification to a user ({@code notifications}); also the outbox of delivery ({@link #sentAt} null until
 * delivered). Field initialisers repeat the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "notifications")
public class Notification extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Recipient and owner ({@code users.id}). */
    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Convert(converter = NotificationType.Converter.class)
    @Column(name = "notification_type", nullable = false)
    public NotificationType notificationType;

    @Column(name = "title", nullable = false)
    public String title;

    @Column(name = "message", nullable = false)
    public String message;

    /** Additional data and metadata (e.g. the ids of the alert and asset). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data")
    public Map<String, Object> data;

    @Convert(converter = NotificationStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public NotificationStatus status = NotificationStatus.UNREAD;

    @Convert(converter = NotificationPriority.Converter.class)
    @Column(name = "priority", nullable = false)
    public NotificationPriority priority = NotificationPriority.NORMAL;

    /** When to deliver; null means as soon as possible. */
    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
