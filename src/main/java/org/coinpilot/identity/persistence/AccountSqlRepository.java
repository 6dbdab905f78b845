package org.coinpilot.identity.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.coinpilot.identity.domain.RequestOrigin;

/**
 * The account statements whose answer must not reveal whether an email has an account: each is one SQL statement
 * (a CTE where it also writes the audit row) that costs about the same whether or not a row matches, run in the
 * transaction of the caller, which also counts the request against its limit. Emails are compared as
 * {@code lower(email)} (the unique index {@code uq_users_email_lower}); callers pass them normalized.
 */
@ApplicationScoped
public class AccountSqlRepository {

    /** What registering needs besides the origin. */
    public record NewAccount(
            String email,
            String passwordHash,
            String firstName,
            String lastName,
            String referralCode,
            Long referredBy,
            String verificationTokenHash,
            Instant verificationExpires) {}

    /** An account that may sign in, or not ({@code usable}): what a password login needs. */
    public record Credentials(
            long id, String passwordHash, boolean usable, String loginCodeHash, Instant loginCodeExpires) {}

    /** The id and email of the account a statement changed. */
    public record Changed(long id, String email) {}

    /**
     * Creates the account unless the email has one (then nothing changes), counts the referral and writes the
     * {@code register} audit row. $1 email ... $8 verification expiry, $9 now, $10 ip, $11 user agent.
     */
    static final String REGISTER = """
            WITH inserted AS (
                INSERT INTO users (email, password_hash, first_name, last_name, referral_code, referred_by,
                                   email_verification_token, email_verification_expires, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
                ON CONFLICT ((lower(email))) DO NOTHING
                RETURNING id, email
            ), referral AS (
                UPDATE users SET referral_count = referral_count + 1, updated_at = $9
                 WHERE id = $6 AND EXISTS (SELECT 1 FROM inserted)
            ), audit AS (
                INSERT INTO user_activities (user_id, activity_type, entity_type, entity_id, action, details,
                                             ip_address, user_agent, created_at, updated_at)
                SELECT id, 'register', 'user', id, 'create',
                       CASE WHEN $6::bigint IS NULL THEN NULL ELSE jsonb_build_object('referredBy', $6::bigint) END,
                       $10::text::inet, $11::text, $9, $9
                  FROM inserted
            )
            SELECT id, email FROM inserted""";

    /** The active account holding this referral code ($1), or nothing. */
    static final String REFERRER = """
            SELECT id, email FROM users WHERE referral_code = $1 AND is_active AND deleted_at IS NULL""";

    /** Confirms the email of the account holding this unexpired verification token hash; writes the audit row. */
    static final String VERIFY_EMAIL = """
            WITH verified AS (
                UPDATE users SET is_verified = true, email_verification_token = NULL,
                                 email_verification_expires = NULL, updated_at = $2
                 WHERE email_verification_token = $1 AND email_verification_expires > $2 AND deleted_at IS NULL
                RETURNING id, email
            ), audit AS (
                INSERT INTO user_activities (user_id, activity_type, entity_type, entity_id, action,
                                             ip_address, user_agent, created_at, updated_at)
                SELECT id, 'email_verified', 'user', id, 'update', $3::text::inet, $4::text, $2, $2 FROM verified
            )
            SELECT id, email FROM verified""";

    /**
     * A new verification token for an unverified, active account with this email, unless its pending token expires
     * after $5 (it was issued moments ago: the link just mailed stays valid). $1 email ... $4 now.
     */
    static final String RENEW_VERIFICATION = """
            UPDATE users SET email_verification_token = $2, email_verification_expires = $3, updated_at = $4
             WHERE lower(email) = $1 AND NOT is_verified AND is_active AND deleted_at IS NULL
               AND (email_verification_token IS NULL OR email_verification_expires IS NULL
                    OR email_verification_expires <= $5)
            RETURNING id, email""";

    /**
     * A reset token for an active person account with this email, and its audit row; not when its pending token
     * expires after $7 (issued moments ago: the link just mailed stays valid).
     */
    static final String REQUEST_RESET = """
            WITH target AS (
                UPDATE users SET reset_password_token = $2, reset_password_expires = $3, updated_at = $4
                 WHERE lower(email) = $1 AND is_active AND deleted_at IS NULL AND role <> 'service'
                   AND (reset_password_token IS NULL OR reset_password_expires IS NULL
                        OR reset_password_expires <= $7)
                RETURNING id, email
            ), audit AS (
                INSERT INTO user_activities (user_id, activity_type, entity_type, entity_id, action,
                                             ip_address, user_agent, created_at, updated_at)
                SELECT id, 'password_reset_requested', 'user', id, 'update', $5::text::inet, $6::text, $4, $4
                  FROM target
            )
            SELECT id, email FROM target""";

    /** The account holding this unexpired reset token hash, if it may still use it. $1 hash, $2 now. */
    static final String RESETTABLE = """
            SELECT id, email FROM users
             WHERE reset_password_token = $1 AND reset_password_expires > $2 AND is_active AND deleted_at IS NULL""";

    /**
     * Sets the new password with a reset token (single use): clears the token, the failed-login counter, any
     * lockout and sign-in code, confirms the email (the mail arrived), revokes every session and writes the audit
     * row. $1 token hash, $2 new password hash, $3 now, $4 ip, $5 user agent.
     */
    static final String RESET_PASSWORD = """
            WITH target AS (
                UPDATE users SET password_hash = $2, reset_password_token = NULL, reset_password_expires = NULL,
                                 failed_login_attempts = 0, lockout_expires = NULL, login_code_hash = NULL,
                                 login_code_expires = NULL, is_verified = true, updated_at = $3
                 WHERE reset_password_token = $1 AND reset_password_expires > $3 AND is_active AND deleted_at IS NULL
                RETURNING id, email
            ), revoked AS (
                UPDATE user_sessions s SET is_active = false, revoked_at = $3, revoked_reason = 'password_reset',
                                           updated_at = $3
                  FROM target WHERE s.user_id = target.id AND s.revoked_at IS NULL
                RETURNING s.id
            ), audit AS (
                INSERT INTO user_activities (user_id, activity_type, entity_type, entity_id, action, details,
                                             ip_address, user_agent, created_at, updated_at)
                SELECT id, 'password_reset', 'user', id, 'update',
                       jsonb_build_object('sessionsRevoked', (SELECT count(*) FROM revoked)),
                       $4::text::inet, $5::text, $3, $3
                  FROM target
            )
            SELECT id, email FROM target""";

    /** The credentials of the account with this email ($1), usable or not, or nothing. */
    static final String CREDENTIALS = """
            SELECT id, password_hash, login_code_hash, login_code_expires,
                   (is_active AND deleted_at IS NULL AND role <> 'service') AS usable
              FROM users WHERE lower(email) = $1""";

    /** The id and secret hash of the usable service client with this client id ($1), or nothing. */
    static final String SERVICE_CREDENTIALS = """
            SELECT id, password_hash, NULL::varchar AS login_code_hash, NULL::timestamptz AS login_code_expires,
                   true AS usable
              FROM users
             WHERE lower(email) = $1 AND role = 'service' AND is_active AND deleted_at IS NULL""";

    /**
     * A failed password sign-in of an account that may sign in: one more consecutive failure, optionally a new
     * sign-in code (or none: $2 true with a null $3), and the audit row of type $6. Matches no row for an unknown
     * email. $1 email, $4 code expiry, $5 now, $7 ip, $8 user agent.
     */
    static final String FAILED_LOGIN = """
            WITH target AS (
                UPDATE users SET failed_login_attempts = least(failed_login_attempts, 1000000) + 1,
                                 login_code_hash = CASE WHEN $2 THEN $3 ELSE login_code_hash END,
                                 login_code_expires = CASE WHEN $2 THEN $4 ELSE login_code_expires END,
                                 updated_at = $5
                 WHERE lower(email) = $1 AND is_active AND deleted_at IS NULL AND role <> 'service'
                RETURNING id, email, failed_login_attempts
            ), audit AS (
                INSERT INTO user_activities (user_id, activity_type, entity_type, entity_id, action, details,
                                             ip_address, user_agent, created_at, updated_at)
                SELECT id, $6::text, 'user', id, 'login', jsonb_build_object('failedAttempts', failed_login_attempts),
                       $7::text::inet, $8::text, $5, $5
                  FROM target
            )
            SELECT id, email FROM target""";

    public Uni<Changed> register(SqlClient client, NewAccount account, RequestOrigin origin) {
        Tuple tuple = Tuple.tuple()
                .addValue(account.email())
                .addValue(account.passwordHash())
                .addValue(account.firstName())
                .addValue(account.lastName())
                .addValue(account.referralCode())
                .addValue(account.referredBy())
                .addValue(account.verificationTokenHash())
                .addValue(utc(account.verificationExpires()))
                .addValue(utc(origin.at()))
                .addValue(ip(origin))
                .addValue(origin.userAgent());
        return client.preparedQuery(REGISTER).execute(tuple).map(AccountSqlRepository::changed);
    }

    /** The id of the active account with this referral code, or null. */
    public Uni<Changed> findReferrer(SqlClient client, String code) {
        return client.preparedQuery(REFERRER).execute(Tuple.of(code)).map(AccountSqlRepository::changed);
    }

    public Uni<Changed> verifyEmail(SqlClient client, String tokenHash, RequestOrigin origin) {
        return client.preparedQuery(VERIFY_EMAIL)
                .execute(Tuple.of(tokenHash, utc(origin.at()), ip(origin), origin.userAgent()))
                .map(AccountSqlRepository::changed);
    }

    /** See {@link #RENEW_VERIFICATION}: a pending token expiring after {@code keepIfExpiresAfter} is kept. */
    public Uni<Changed> renewVerification(
            SqlClient client,
            String email,
            String tokenHash,
            Instant expires,
            Instant now,
            Instant keepIfExpiresAfter) {
        return client.preparedQuery(RENEW_VERIFICATION)
                .execute(Tuple.of(email, tokenHash, utc(expires), utc(now), utc(keepIfExpiresAfter)))
                .map(AccountSqlRepository::changed);
    }

    /** See {@link #REQUEST_RESET}: a pending token expiring after {@code keepIfExpiresAfter} is kept. */
    public Uni<Changed> requestPasswordReset(
            SqlClient client,
            String email,
            String tokenHash,
            Instant expires,
            Instant keepIfExpiresAfter,
            RequestOrigin origin) {
        return client.preparedQuery(REQUEST_RESET)
                .execute(Tuple.tuple()
                        .addValue(email)
                        .addValue(tokenHash)
                        .addValue(utc(expires))
                        .addValue(utc(origin.at()))
                        .addValue(ip(origin))
                        .addValue(origin.userAgent())
                        .addValue(utc(keepIfExpiresAfter)))
                .map(AccountSqlRepository::changed);
    }

    public Uni<Changed> findResettable(SqlClient client, String tokenHash, Instant now) {
        return client.preparedQuery(RESETTABLE)
                .execute(Tuple.of(tokenHash, utc(now)))
                .map(AccountSqlRepository::changed);
    }

    public Uni<Changed> resetPassword(SqlClient client, String tokenHash, String passwordHash, RequestOrigin origin) {
        return client.preparedQuery(RESET_PASSWORD)
                .execute(Tuple.of(tokenHash, passwordHash, utc(origin.at()), ip(origin), origin.userAgent()))
                .map(AccountSqlRepository::changed);
    }

    public Uni<Credentials> findCredentials(SqlClient client, String email) {
        return client.preparedQuery(CREDENTIALS)
                .execute(Tuple.of(email))
                .map(rows -> first(rows, row -> {
                    OffsetDateTime codeExpires = row.getOffsetDateTime("login_code_expires");
                    return new Credentials(
                            row.getLong("id"),
                            row.getString("password_hash"),
                            row.getBoolean("usable"),
                            row.getString("login_code_hash"),
                            codeExpires == null ? null : codeExpires.toInstant());
                }));
    }

    /**
     * The credentials of the active, undeleted service client with this client id, or null (unknown, a person's
     * account, deactivated or deleted: the caller checks the secret against a dummy hash then).
     */
    public Uni<Credentials> findServiceCredentials(SqlClient client, String clientId) {
        return client.preparedQuery(SERVICE_CREDENTIALS)
                .execute(Tuple.of(clientId))
                .map(rows -> first(
                        rows,
                        row -> new Credentials(row.getLong("id"), row.getString("password_hash"), true, null, null)));
    }

    /**
     * Records a failed sign-in (see {@link #FAILED_LOGIN}); {@code setCode} replaces the sign-in code with
     * {@code codeHash} (null clears it). The changed account, or null for an unknown or unusable email.
     */
    public Uni<Changed> recordFailedLogin(
            SqlClient client,
            String email,
            boolean setCode,
            String codeHash,
            Instant codeExpires,
            String activityType,
            RequestOrigin origin) {
        Tuple tuple = Tuple.tuple()
                .addValue(email)
                .addValue(setCode)
                .addValue(codeHash)
                .addValue(codeExpires == null ? null : utc(codeExpires))
                .addValue(utc(origin.at()))
                .addValue(activityType)
                .addValue(ip(origin))
                .addValue(origin.userAgent());
        return client.preparedQuery(FAILED_LOGIN).execute(tuple).map(AccountSqlRepository::changed);
    }

    private static Changed changed(RowSet<Row> rows) {
        return first(rows, row -> new Changed(row.getLong("id"), row.getString("email")));
    }

    private static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
    }

    /** The client address as PostgreSQL's inet reads it: without an IPv6 scope ({@code fe80::1%eth0}). */
    private static String ip(RequestOrigin origin) {
        return origin.ipText();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
