package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.identity.api.TokenRequestBodies;
import org.coinpilot.identity.domain.RequestOrigin;
import org.coinpilot.identity.persistence.AccountSqlRepository;

/**
 * Setting a new password with a mailed reset token (single use). The token proves control of the mailbox, so it also
 * clears everything that could keep the owner out: the failed-sign-in counter, every sign-in limit of the account and
 * any pending sign-in code. Every session is revoked.
 */
@ApplicationScoped
public class PasswordResetService {

    private final Transactions transactions;
    private final AccountSqlRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuthThrottle throttle;
    private final SessionGuard guard;
    private final ClientAddress client;

    public PasswordResetService(
            Transactions transactions,
            AccountSqlRepository accounts,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AuthThrottle throttle,
            SessionGuard guard,
            ClientAddress client) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.guard = guard;
        this.client = client;
    }

    /** Sets the new password; a 422 INVALID_OR_EXPIRED_TOKEN when the token is unknown, used or expired. */
    public Uni<Void> resetPassword(TokenRequestBodies.ResetPassword request) {
        String tokenHash = Secrets.sha256Hex(request.token().strip());
        RequestOrigin origin = client.origin();
        return transactions
                .statement(connection -> accounts.findResettable(connection, tokenHash, origin.at()))
                .onItem()
                .ifNull()
                .failWith(MailLinkService::invalidMailToken)
                .invoke(account -> policy.check("newPassword", request.newPassword(), account.email()))
                .chain(account -> hasher.hash(request.newPassword()))
                .chain(newHash -> transactions.sql(
                        connection -> accounts.resetPassword(connection, tokenHash, newHash, client.origin())
                                .onItem()
                                .ifNull()
                                .failWith(MailLinkService::invalidMailToken)
                                .call(account -> throttle.clearAccount(connection, account.email()))))
                .call(account -> guard.forgetUser(account.id()))
                .replaceWithVoid();
    }
}
