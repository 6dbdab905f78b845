package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.identity.api.AcceptedResponse;
import org.coinpilot.identity.api.RegisterRequest;
import org.coinpilot.identity.api.TokenRequestBodies;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RequestOrigin;
import org.coinpilot.identity.persistence.AccountSqlRepository;
import org.coinpilot.identity.persistence.AccountSqlRepository.Changed;
import org.coinpilot.identity.persistence.AccountSqlRepository.NewAccount;

/**
 * Registration and email verification. Registering answers the same whether or not the email has an account, and
 * costs the same: the password policy, one bcrypt, the referral code check (before the email is looked at), the
 * {@code mail} limit, one insert-if-absent statement and one take of the per-email mail cap in one transaction, then
 * one mail (a verification link to a new address, a notice to an address that has an account), sent after the
 * commit without holding the response; none past the per-email cap (still the same 202).
 */
@ApplicationScoped
public class RegistrationService {

    /** The account created (null: the email had one) and whether the per-email mail cap lets a mail go. */
    private record Registered(Changed created, boolean mayMail) {}

    static final String ACCEPTED_REGISTER = "Check your mailbox: a message about your account is on its way.";

    private final Transactions transactions;
    private final AccountSqlRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuthThrottle throttle;
    private final IdentityMailer mailer;
    private final ClientAddress client;
    private final IdentityConfig.Tokens config;

    public RegistrationService(
            Transactions transactions,
            AccountSqlRepository accounts,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AuthThrottle throttle,
            IdentityMailer mailer,
            ClientAddress client,
            IdentityConfig config) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.mailer = mailer;
        this.client = client;
        this.config = config.tokens();
    }

    /**
     * Creates an unverified account and mails a verification link; when the email is taken, mails the owner a notice
     * instead. An unknown referral code is a 422 whatever the email.
     */
    public Uni<AcceptedResponse> register(RegisterRequest request) {
        String email = Inputs.email(request.email());
        policy.check("password", request.password(), email);
        String token = Secrets.randomToken();
        String code = request.referralCode() == null || request.referralCode().isBlank()
                ? null
                : request.referralCode().strip().toUpperCase(Locale.ROOT);
        return hasher.hash(request.password())
                .chain(hash -> {
                    RequestOrigin origin = client.origin();
                    return transactions.sql(connection -> throttle.countMailRequest(connection, email, origin.ip())
                            .chain(() -> code == null
                                    ? Uni.createFrom().<Changed>nullItem()
                                    : accounts.findReferrer(connection, code)
                                            .onItem()
                                            .ifNull()
                                            .failWith(RegistrationService::invalidReferralCode))
                            .chain(referrer -> accounts.register(
                                    connection,
                                    new NewAccount(
                                            email,
                                            hash,
                                            Inputs.blankToNull(request.firstName()),
                                            Inputs.blankToNull(request.lastName()),
                                            Secrets.referralCode(),
                                            referrer == null ? null : referrer.id(),
                                            Secrets.sha256Hex(token),
                                            origin.at().plus(config.verificationTtl())),
                                    origin))
                            .chain(created -> throttle.takeMail(connection, email)
                                    .map(mayMail -> new Registered(created, mayMail))));
                })
                .invoke(registered -> {
                    if (!registered.mayMail()) {
                        return; // the per-email cap: someone keeps registering this address; the same 202
                    }
                    if (registered.created() != null) {
                        mailer.sendVerification(registered.created().email(), token);
                    } else {
                        mailer.sendAlreadyRegistered(email);
                    }
                })
                .map(created -> new AcceptedResponse(ACCEPTED_REGISTER));
    }

    /** Confirms the email address of the account holding this single-use token. */
    public Uni<Void> verifyEmail(TokenRequestBodies.MailToken request) {
        String hash = Secrets.sha256Hex(request.token().strip());
        RequestOrigin origin = client.origin();
        return transactions
                .sql(connection -> accounts.verifyEmail(connection, hash, origin))
                .onItem()
                .ifNull()
                .failWith(MailLinkService::invalidMailToken)
                .replaceWithVoid();
    }

    private static BusinessRuleViolationException invalidReferralCode() {
        return new BusinessRuleViolationException("INVALID_REFERRAL_CODE", "No active account has this referral code.");
    }
}
