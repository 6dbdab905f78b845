package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.api.ClientTokenRequest;
import org.coinpilot.identity.api.TokenResponse;
import org.coinpilot.identity.domain.AuthenticationProblem;
import org.coinpilot.identity.domain.UserRole;
import org.coinpilot.identity.persistence.AccountSqlRepository;
import org.coinpilot.identity.persistence.UserRepository;

/**
 * The client-credentials grant of service clients: an access token of a new short session, no refresh token. Limited
 * like a password sign-in per (client id, address) and per address; one bcrypt verification whatever the client id.
 */
@ApplicationScoped
public class ClientCredentialsService {

    private final AuthThrottle throttle;
    private final Transactions transactions;
    private final UserRepository users;
    private final AccountSqlRepository accounts;
    private final PasswordHasher hasher;
    private final SessionIssuer issuer;
    private final ClientAddress client;
    private final Clock clock;

    public ClientCredentialsService(
            AuthThrottle throttle,
            Transactions transactions,
            UserRepository users,
            AccountSqlRepository accounts,
            PasswordHasher hasher,
            SessionIssuer issuer,
            ClientAddress client,
            Clock clock) {
        this.throttle = throttle;
        this.transactions = transactions;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.issuer = issuer;
        this.client = client;
        this.clock = clock;
    }

    /**
     * Only an active, undeleted service client's secret hash is ever checked (a person's password never is: before,
     * any account's hash was, and the role was looked at only after a match); otherwise the dummy hash, so that
     * every client id costs one bcrypt. Every attempt counts against the client id's account counter and the
     * sign-in limits before bcrypt, and is given back when it succeeds.
     */
    public Uni<TokenResponse> clientToken(ClientTokenRequest request) {
        String clientId = Inputs.email(request.clientId());
        InetAddress ip = client.ip();
        return throttle.beforeSignIn(clientId, ip)
                .chain(gate ->
                        transactions.statement(connection -> accounts.findServiceCredentials(connection, clientId)))
                .chain(candidate -> hasher.verify(
                                request.clientSecret(), candidate == null ? null : candidate.passwordHash())
                        .onFailure(PasswordHasher::isBusy)
                        .call(busy -> throttle.notAttempted(clientId, ip))
                        .chain(matches -> matches
                                ? issue(candidate.id())
                                : Uni.createFrom().failure(AuthenticationProblem.invalidClient())))
                .call(() -> throttle.afterSignIn(clientId, ip));
    }

    private Uni<TokenResponse> issue(long userId) {
        return transactions.write(() -> users.findById(userId).chain(user -> {
            if (user == null || user.role != UserRole.SERVICE || !user.isActive || user.deletedAt != null) {
                return Uni.createFrom().failure(AuthenticationProblem.invalidClient());
            }
            Instant now = Times.now(clock);
            user.loginCount++;
            user.lastLogin = now;
            return issuer.clientCredentials(user, now);
        }));
    }
}
