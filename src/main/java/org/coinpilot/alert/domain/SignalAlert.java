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
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.persistence.StringListJsonConverter;
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Candle timeframe the alert is evaluated on (closed candles only). */
    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "timeframe", nullable = false)
    public Timeframe timeframe = Timeframe.H1;

    /** N candles: the window of {@code percentage_change} and the average of {@code volume_spike}. */
    @Column(name = "window_candles")
    public Integer windowCandles;

    @Convert(converter = AlertFrequency.Converter.class)
    @Column(name = "frequency", nullable = false)
    public AlertFrequency frequency = AlertFrequency.ONCE;

    /** Minimum seconds between two firings of an {@code every_time} alert. */
    @Column(name = "cooldown_seconds")
    public Integer cooldownSeconds;

    /** Indicator alerts: left operand, {@code close} or a stored indicator key ({@code rsi_14}, {@code macd_12_26_9.histogram}). */
    @Column(name = "indicator_key")
    public String indicatorKey;

    /** Path of {@link #indicatorKey} in {@code technical_indicators} as a {@code text[]} literal; null for close. */
    @Column(name = "indicator_path")
    public String indicatorPath;

    /** Indicator alerts: right operand when it is a series ({@code close} or a stored key); else trigger_value. */
    @Column(name = "reference_key")
    public String referenceKey;

    /** Path of {@link #referenceKey} as a {@code text[]} literal; null for close. */
    @Column(name = "reference_path")
    public String referencePath;

    /** Every channel of the alert, lowercase ({@code in_app}, {@code webhook}, {@code email}); the first is in {@link #notificationMethod}. */
    @Convert(converter = StringListJsonConverter.class)
    @JdbcTypeCode(SqlTypes.OTHER)
    @Column(name = "notification_methods", columnDefinition = "jsonb", nullable = false)
    public List<String> notificationMethods = new ArrayList<>(List.of("in_app"));

    /** The candle_time of the candle that last fired the alert (one trigger per alert and candle). */
    @Column(name = "last_fired_candle")
    public Instant lastFiredCandle;

    @Column(name = "trigger_count", nullable = false)
    public int triggerCount;

    /**
     * When it was re-armed by an edit of its condition or re-activated (null: since {@code createdAt}); candles that
     * closed before never fire it.
     */
    @Column(name = "armed_at")
    public Instant armedAt;

    /** Optimistic lock (CONVENTIONS §5). */
    @Version
    @Column(name = "version", nullable = false)
    public long version;

    /** Sets every channel; {@code notification_method} keeps the first. */
    public void useNotificationMethods(List<NotificationMethod> methods) {
        List<String> codes = new ArrayList<>();
        for (NotificationMethod method : methods) {
            String code = method.name().toLowerCase(java.util.Locale.ROOT);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        this.notificationMethods = codes;
        this.notificationMethod = methods.get(0);
    }

    /** Arms the alert again from {@code now}: not triggered, and only candles closing after {@code now} count. */
    public void rearm(Instant now) {
        this.isTriggered = false;
        this.armedAt = now;
    }

    /** Its status at {@code now}. */
    public AlertStatus status(Instant now) {
        if (!isActive) {
            return AlertStatus.INACTIVE;
        }
        if (isTriggered) {
            return AlertStatus.TRIGGERED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return AlertStatus.EXPIRED;
        }
        return AlertStatus.ARMED;
    }
}
