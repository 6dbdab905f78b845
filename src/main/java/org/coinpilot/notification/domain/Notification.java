package org.coinpilot.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.persistence.StringListJsonConverter;
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

    /** One notification per cause, e.g. {@code alert:<alertId>:<candle epoch s>} or {@code broadcast:<id>:<userId>}. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The alert that fired it, if any ({@code signal_alerts.id}). */
    @Column(name = "alert_id")
    public Long alertId;

    /** External channels the cause asked for ({@code webhook}, {@code email}): a JSON array. */
    @Convert(converter = StringListJsonConverter.class)
    @JdbcTypeCode(SqlTypes.OTHER)
    @Column(name = "channels", nullable = false)
    public List<String> channels = new ArrayList<>();

    /** When its outbox rows ({@code notification_deliveries}) were created; null until the fan-out. */
    @Column(name = "fanned_out_at")
    public Instant fannedOutAt;

    /**
     * Whether the owner sees it at {@code now}: due ({@code scheduled_for} null or reached), not expired and not
     * dismissed. The repositories' queries apply the same rule in SQL.
     */
    public boolean isVisibleAt(Instant now) {
        return (scheduledFor == null || !scheduledFor.isAfter(now))
                && (expiresAt == null || expiresAt.isAfter(now))
                && status != NotificationStatus.DISMISSED;
    }

    /** Marks it read at {@code now}; true when it was unread. */
    public boolean markRead(Instant now) {
        if (status != NotificationStatus.UNREAD) {
            return false;
        }
        status = NotificationStatus.READ;
        readAt = now;
        return true;
    }

    /** Dismisses it: it leaves every list and the stream. */
    public void dismiss() {
        status = NotificationStatus.DISMISSED;
    }
}
