package org.coinpilot.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.common.persistence.AuditedEntity;

/**
 * A user's alert rule on an asset ({@code signal_alerts}), evaluated set-based. Field initialisers repeat the
 * column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "signal_alerts")
public class SignalAlert extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Owner ({@code users.id}). */
    @Column(name = "user_id", nullable = false)
    public Long userId;

    /** {@code cryptocurrencies.id}. */
    @Column(name = "crypto_id", nullable = false)
    public Long cryptoId;

    @Convert(converter = AlertType.Converter.class)
    @Column(name = "alert_type", nullable = false)
    public AlertType alertType;

    /** A price or a percentage, numeric(38,18); null for {@code SIGNAL_GENERATED}. */
    @Column(name = "trigger_value")
    public BigDecimal triggerValue;

    @Convert(converter = AlertCondition.Converter.class)
    @Column(name = "condition")
    public AlertCondition condition;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    @Column(name = "is_triggered", nullable = false)
    public boolean isTriggered;

    @Column(name = "message")
    public String message;

    @Convert(converter = NotificationMethod.Converter.class)
    @Column(name = "notification_method", nullable = false)
    public NotificationMethod notificationMethod = NotificationMethod.IN_APP;

    @Column(name = "triggered_at")
    public Instant triggeredAt;

    @Column(name = "last_checked")
    public Instant lastChecked;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Optimistic lock (CONVENTIONS §5). */
    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
