package org.coinpilot.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user account ({@code users}). Fields with a database default start with the same value, because
 * Hibernate writes every column on insert.
 */
@Entity
@Table(name = "users")
public class User extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Unique case-insensitively ({@code uq_users_email_lower}). */
    @Column(name = "email", nullable = false)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Convert(converter = UserRoleConverter.class)
    @Column(name = "role", nullable = false)
    public UserRole role = UserRole.PUBLIC;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    @Column(name = "is_verified", nullable = false)
    public boolean isVerified = false;

    @Column(name = "login_count", nullable = false)
    public int loginCount = 0;

    /** A JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "preferences", nullable = false)
    public Map<String, Object> preferences = new LinkedHashMap<>();

    /** IANA time zone name. */
    @Column(name = "timezone", nullable = false)
    public String timezone = "UTC";

    /** BCP 47 language tag. */
    @Column(name = "language", nullable = false)
    public String language = "en";

    @Column(name = "last_login")
    public Instant lastLogin;

    @Column(name = "bio")
    public String bio;

    @Column(name = "profile_picture_url")
    public String profilePictureUrl;

    /** SHA-256 (hex) of the single-use reset token; the raw token is never stored. */
    @Column(name = "reset_password_token")
    public String resetPasswordToken;

    @Column(name = "reset_password_expires")
    public Instant resetPasswordExpires;

    /** SHA-256 (hex) of the single-use verification token; the raw token is never stored. */
    @Column(name = "email_verification_token")
    public String emailVerificationToken;

    @Column(name = "email_verification_expires")
    public Instant emailVerificationExpires;

    /** Consecutive failed sign-ins from any address; shown to admins, reset by a sign-in, unlock or reset. */
    @Column(name = "failed_login_attempts", nullable = false)
    public int failedLoginAttempts = 0;

    /** No longer written: sign-in limits live in {@code auth_throttles} (docs/identity.md); cleared by unlock. */
    @Column(name = "lockout_expires")
    public Instant lockoutExpires;

    /** SHA-256 (hex) of the single-use sign-in code mailed while the account needs one; the code is never stored. */
    @Column(name = "login_code_hash")
    public String loginCodeHash;

    @Column(name = "login_code_expires")
    public Instant loginCodeExpires;

    @Column(name = "referral_code")
    public String referralCode;

    /** Id of the referring user. */
    @Column(name = "referred_by")
    public Long referredBy;

    @Column(name = "referral_count", nullable = false)
    public int referralCount = 0;

    @Column(name = "account_balance", nullable = false, precision = 28, scale = 8)
    public BigDecimal accountBalance = BigDecimal.valueOf(0, 8);

    @Convert(converter = SubscriptionPlanConverter.class)
    @Column(name = "subscription_plan", nullable = false)
    public SubscriptionPlan subscriptionPlan = SubscriptionPlan.FREE;

    @Column(name = "subscription_expires_at")
    public Instant subscriptionExpiresAt;

    @Column(name = "notes")
    public String notes;

    /** Soft delete: set when the account was deleted. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Id of the user (possibly an admin) who deleted the account. */
    @Column(name = "deleted_by")
    public Long deletedBy;
}
