package org.coinpilot.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A login session, one row per refresh-token family ({@code user_sessions}). */
@Entity
@Table(name = "user_sessions")
public class UserSession extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    /** Public random session id, carried as the JWT {@code sid} claim. */
    @Column(name = "session_token", nullable = false)
    public String sessionToken;

    /** SHA-256 (lowercase hex) of the current refresh secret; rotated on every use. */
    @Column(name = "refresh_token", nullable = false)
    public String refreshToken;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "device_info")
    public Map<String, Object> deviceInfo;

    @JdbcType(ReactivePgInetJdbcType.class)
    @Column(name = "ip_address")
    public InetAddress ipAddress;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Open-ended code, e.g. logout, admin, reuse_detected, password_changed. */
    @Column(name = "revoked_reason")
    public String revokedReason;
}
