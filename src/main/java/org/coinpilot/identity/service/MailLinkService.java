package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.identity.api.AcceptedResponse;
import org.coinpilot.identity.api.TokenRequestBodies;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RequestOrigin;
import org.coinpilot.identity.persistence.AccountSqlRepository;
import org.coinpilot.identity.persistence.AccountSqlRepository.Changed;

/**
 * "Mail me a link": a new verification link, a password reset link. Both answer the same 202 whether or not the
 * address has an account that qualifies, and take the same time: the request path only counts the request against the
 * {@code mail} limit (the same statement for every email); the update that matches the account or nothing, and the
 * mail, run after the response ({@link AfterResponse}). Two limits keep this from flooding one inbox from many
 * addresses, without changing the answer: at most {@code mail-per-email} mails to one email, and no new link while
 * the pending one is younger than {@code mail-reissue-after} (the mailed link stays valid).
 */
@ApplicationScoped
public class MailLinkService {

    static final String ACCEPTED_MAIL = "If an account uses this address, a mail is on its way.";

    private final Transactions transactions;
    private final AccountSqlRepository accounts;
    private final AuthThrottle throttle;
    private final IdentityMailer mailer;
    private final AfterResponse afterResponse;
    private final ClientAddress client;
    private final IdentityConfig.Tokens config;
    private final Duration reissueAfter;

    public MailLinkService(
            Transactions transactions,
            AccountSqlRepository accounts,
            AuthThrottle throttle,
            IdentityMailer mailer,
            AfterResponse afterResponse,
            ClientAddress client,
            IdentityConfig config) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.throttle = throttle;
        this.mailer = mailer;
        this.afterResponse = afterResponse;
        this.client = client;
        this.config = config.tokens();
        this.reissueAfter = config.rateLimit().mailReissueAfter();
    }

    /** Mails a new verification link when the address has an unverified, active account; always 202. */
    public Uni<AcceptedResponse> resendVerification(TokenRequestBodies.EmailAddress request) {
        String email = Inputs.email(request.email());
        RequestOrigin origin = client.origin();
        return transactions
                .statement(connection -> throttle.countMailRequest(connection, email, origin.ip()))
                .invoke(() -> afterResponse.run("resend-verification", () -> {
                    String token = Secrets.randomToken();
                    return mailOnce(
                                    email,
                                    connection -> accounts.renewVerification(
                                            connection,
                                            email,
                                            Secrets.sha256Hex(token),
                                            origin.at().plus(config.verificationTtl()),
                                            origin.at(),
                                            keepIfExpiresAfter(origin, config.verificationTtl())))
                            .invoke(account -> {
                                if (account != null) {
                                    mailer.sendVerification(account.email(), token);
                                }
                            });
                }))
                .map(counted -> new AcceptedResponse(ACCEPTED_MAIL));
    }

    /** Mails a single-use reset link when the address has an active account; always 202. */
    public Uni<AcceptedResponse> forgotPassword(TokenRequestBodies.EmailAddress request) {
        String email = Inputs.email(request.email());
        RequestOrigin origin = client.origin();
        return transactions
                .statement(connection -> throttle.countMailRequest(connection, email, origin.ip()))
                .invoke(() -> afterResponse.run("forgot-password", () -> {
                    String token = Secrets.randomToken();
                    return mailOnce(
                                    email,
                                    connection -> accounts.requestPasswordReset(
                                            connection,
                                            email,
                                            Secrets.sha256Hex(token),
                                            origin.at().plus(config.resetTtl()),
                                            keepIfExpiresAfter(origin, config.resetTtl()),
                                            origin))
                            .invoke(account -> {
                                if (account != null) {
                                    mailer.sendPasswordReset(account.email(), token);
                                }
                            });
                }))
                .map(counted -> new AcceptedResponse(ACCEPTED_MAIL));
    }

    /**
     * Runs {@code update} (a new token for the account, or no row) and, when it changed an account, takes one mail of
     * the per-email cap in the same transaction; past the cap the update is rolled back (the pending link stays) and
     * the answer is null: nothing is mailed. Runs after the response, so none of this shows in the answer.
     */
    private Uni<Changed> mailOnce(String email, Function<SqlClient, Uni<Changed>> update) {
        return transactions
                .sql(connection -> update.apply(connection)
                        .chain(account -> account == null
                                ? Uni.createFrom().<Changed>nullItem()
                                : throttle.takeMail(connection, email)
                                        .chain(granted -> granted
                                                ? Uni.createFrom().item(account)
                                                : Uni.createFrom().<Changed>failure(new MailCapReached()))))
                .onFailure(MailCapReached.class)
                .recoverWithNull();
    }

    /** A pending link that expires after this instant was issued less than {@code mail-reissue-after} ago. */
    private Instant keepIfExpiresAfter(RequestOrigin origin, Duration ttl) {
        return origin.at().plus(ttl).minus(reissueAfter);
    }

    /** The per-email mail cap is reached: roll back and send nothing. */
    static final class MailCapReached extends RuntimeException {
        MailCapReached() {
            super("per-email mail cap reached", null, false, false);
        }
    }

    static BusinessRuleViolationException invalidMailToken() {
        return new BusinessRuleViolationException(
                "INVALID_OR_EXPIRED_TOKEN", "The link is not valid any more; ask for a new one.");
    }
}
