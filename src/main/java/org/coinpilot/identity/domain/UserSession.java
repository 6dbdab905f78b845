package org.coinpilot.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.persistence.StringListJsonConverter;
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

    /**
     * SHA-256 (hex) of the refresh secrets this session already rotated away from, newest last, at most
     * {@link #RETIRED_REFRESH_TOKENS}: presenting one of them again is reuse.
     */
    @Convert(converter = StringListJsonConverter.class)
    @JdbcTypeCode(SqlTypes.OTHER)
    @Column(name = "retired_refresh_tokens", nullable = false)
    public List<String> retiredRefreshTokens = new ArrayList<>();

    /** How many earlier refresh secrets a session remembers (64 refreshes: 16 h of 15-minute access tokens). */
    public static final int RETIRED_REFRESH_TOKENS = 64;

    /** Whether the session may still be refreshed or used at {@code now}. */
    public boolean isUsable(Instant now) {
        return isActive && revokedAt == null && expiresAt.isAfter(now);
    }

    /** Replaces the current refresh secret hash, remembering the old one as retired. */
    public void rotate(String newRefreshTokenHash, Instant now) {
        List<String> retired = new ArrayList<>(retiredRefreshTokens == null ? List.of() : retiredRefreshTokens);
        retired.add(refreshToken);
        while (retired.size() > RETIRED_REFRESH_TOKENS) {
            retired.remove(0);
        }
        retiredRefreshTokens = retired;
        refreshToken = newRefreshTokenHash;
        lastUsedAt = now;
    }

    /** Whether {@code refreshTokenHash} was once this session's refresh secret (already rotated away from). */
    public boolean wasRetired(String refreshTokenHash) {
        return retiredRefreshTokens != null && retiredRefreshTokens.contains(refreshTokenHash);
    }

    /** Revokes the session for {@code reason} (a {@link SessionRevocation} code). */
    public void revoke(String reason, Instant now) {
        isActive = false;
        revokedAt = now;
        revokedReason = reason;
    }
}
