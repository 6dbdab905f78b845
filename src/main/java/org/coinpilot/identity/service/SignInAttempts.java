package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.AuthenticationProblem;
import org.coinpilot.identity.domain.RequestOrigin;
import org.coinpilot.identity.persistence.AccountSqlRepository;
import org.coinpilot.identity.persistence.AccountSqlRepository.Credentials;

/**
 * The bookkeeping around a password sign-in: the limits before it, the credentials to check, and what a failure
 * leaves behind (counters, audit row, sign-in code), so that {@link LoginService} only decides. Every branch a
 * caller cannot tell apart from the answer runs the same statements whether or not the email has an account.
 */
@ApplicationScoped
public class SignInAttempts {

    /** One attempt: who, from where, the account's credentials (null: no account) and whether it needs a code. */
    public record Attempt(String email, RequestOrigin origin, Credentials credentials, boolean codeRequired) {

        /** The stored hash to check the password against; null (a dummy check) without an account. */
        public String passwordHash() {
            return credentials == null ? null : credentials.passwordHash();
        }

        /** Whether the account exists and may sign in (active, not deleted, not a service client). */
        public boolean usable() {
            return credentials != null && credentials.usable();
        }
    }

    private final Transactions transactions;
    private final AccountSqlRepository accounts;
    private final AuthThrottle throttle;
    private final IdentityMailer mailer;
    private final ClientAddress client;
    private final IdentityConfig.StepUp stepUp;

    public SignInAttempts(
            Transactions transactions,
            AccountSqlRepository accounts,
            AuthThrottle throttle,
            IdentityMailer mailer,
            ClientAddress client,
            IdentityConfig config) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.throttle = throttle;
        this.mailer = mailer;
        this.client = client;
        this.stepUp = config.stepUp();
    }

    /** Counts the attempt against the sign-in limits (a 429 past one) and reads the account's credentials. */
    public Uni<Attempt> begin(String email) {
        RequestOrigin origin = client.origin();
        return throttle.beforeSignIn(email, origin.ip())
                .chain(gate -> transactions
                        .statement(connection -> accounts.findCredentials(connection, email))
                        .map(credentials -> new Attempt(email, origin, credentials, gate.codeRequired())));
    }

    /** Whether {@code code} is the account's unexpired sign-in code. */
    public boolean codeAccepted(Attempt attempt, String code) {
        Credentials credentials = attempt.credentials();
        return code != null
                && credentials != null
                && credentials.loginCodeExpires() != null
                && credentials.loginCodeExpires().isAfter(attempt.origin().at())
                && Secrets.sameHash(Secrets.sha256Hex(code), credentials.loginCodeHash());
    }

    /** The right credentials: the attempt counts against none of the sign-in limits. */
    public Uni<Void> succeeded(Attempt attempt) {
        return throttle.afterSignIn(attempt.email(), attempt.origin().ip());
    }

    /** The password was never checked (AUTH_BUSY): the attempt gives back every hit it counted. */
    public Uni<Void> notAttempted(Attempt attempt) {
        return throttle.notAttempted(attempt.email(), attempt.origin().ip());
    }

    /**
     * Whether the account, read again under its row lock ({@code user}'s current code), still holds {@code code}
     * unexpired: a code is single use even when two sign-ins present it at once (the first one clears it).
     */
    public boolean codeStillValid(Attempt attempt, String storedHash, java.time.Instant storedExpires, String code) {
        return code != null
                && storedHash != null
                && storedExpires != null
                && storedExpires.isAfter(attempt.origin().at())
                && Secrets.sameHash(Secrets.sha256Hex(code), storedHash);
    }

    /**
     * A refused attempt (already counted against every limit before the password was checked, see
     * {@link AuthThrottle#beforeSignIn}): records it on the account (when there is one; the user row is the only
     * row this transaction locks, so it cannot deadlock with a password reset, which locks the user row and then
     * deletes counters), and fails
     * with the answer. While the account needs a code, the answer is LOGIN_CODE_REQUIRED whatever was wrong, and a
     * new code is mailed only when the password was right and no code came with it (a wrong code cancels the
     * pending one); otherwise it is INVALID_CREDENTIALS.
     */
    public <T> Uni<T> refuse(Attempt attempt, boolean passwordRight, String codeGiven) {
        boolean mailCode = attempt.codeRequired() && passwordRight && codeGiven == null;
        boolean cancelCode = attempt.codeRequired() && passwordRight && codeGiven != null;
        String code = mailCode ? Secrets.loginCode() : null;
        Instant expires = mailCode ? attempt.origin().at().plus(stepUp.codeTtl()) : null;
        String activity = mailCode ? "login_code_sent" : "login_failed";
        return transactions
                .sql(connection -> accounts.recordFailedLogin(
                        connection,
                        attempt.email(),
                        mailCode || cancelCode,
                        code == null ? null : Secrets.sha256Hex(code),
                        expires,
                        activity,
                        attempt.origin()))
                .invoke(changed -> {
                    if (mailCode && changed != null) {
                        mailer.sendLoginCode(changed.email(), code, stepUp.codeTtl());
                    }
                })
                .chain(changed -> Uni.createFrom()
                        .failure(
                                attempt.codeRequired()
                                        ? AuthenticationProblem.loginCodeRequired()
                                        : AuthenticationProblem.invalidCredentials()));
    }
}
