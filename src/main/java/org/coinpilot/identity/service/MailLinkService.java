package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.identity.api.AcceptedResponse;
import org.coinpilot.identity.api.TokenRequestBodies;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RequestOrigin;
import org.coinpilot.identity.persistence.AccountSqlRepository;

/**
 * "Mail me a link": a new verification link, a password reset link. Both answer the same 202 whether or not the
 * address has an account that qualifies, and take the same time: the request path only counts the request against the
 * {@code mail} limit (the same statement for every email); the update that matches the account or nothing, and the
 * mail, run after the response ({@link AfterResponse}).
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
    }

    /** Mails a new verification link when the address has an unverified, active account; always 202. */
    public Uni<AcceptedResponse> resendVerification(TokenRequestBodies.EmailAddress request) {
        String email = Inputs.email(request.email());
        RequestOrigin origin = client.origin();
        return transactions
                .statement(connection -> throttle.countMailRequest(connection, email, origin.ip()))
                .invoke(() -> afterResponse.run("resend-verification", () -> {
                    String token = Secrets.randomToken();
                    return transactions
                            .statement(connection -> accounts.renewVerification(
                                    connection,
                                    email,
                                    Secrets.sha256Hex(token),
                                    origin.at().plus(config.verificationTtl()),
                                    origin.at()))
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
                    return transactions
                            .statement(connection -> accounts.requestPasswordReset(
                                    connection,
                                    email,
                                    Secrets.sha256Hex(token),
                                    origin.at().plus(config.resetTtl()),
                                    origin))
                            .invoke(account -> {
                                if (account != null) {
                                    mailer.sendPasswordReset(account.email(), token);
                                }
                            });
                }))
                .map(counted -> new AcceptedResponse(ACCEPTED_MAIL));
    }

    static BusinessRuleViolationException invalidMailToken() {
        return new BusinessRuleViolationException(
                "INVALID_OR_EXPIRED_TOKEN", "The link is not valid any more; ask for a new one.");
    }
}
