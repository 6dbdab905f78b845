package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.identity.api.LoginRequest;
import org.coinpilot.identity.api.TokenResponse;
import org.coinpilot.identity.domain.AuthenticationProblem;
import org.coinpilot.identity.domain.UserRole;
import org.coinpilot.identity.persistence.UserRepository;
import org.coinpilot.identity.service.SignInAttempts.Attempt;

/**
 * Email and password sign-in (docs/identity.md, "Sign-in limits"). Unknown email, wrong password, deactivated,
 * deleted and service accounts all get the same 401 after exactly one bcrypt verification; an account with too many
 * recent failures from anywhere also needs the sign-in code mailed to it. bcrypt never runs inside a transaction.
 */
@ApplicationScoped
public class LoginService {

    private final SignInAttempts attempts;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final UserRepository users;
    private final SessionIssuer issuer;

    public LoginService(
            SignInAttempts attempts,
            PasswordHasher hasher,
            Transactions transactions,
            UserRepository users,
            SessionIssuer issuer) {
        this.attempts = attempts;
        this.hasher = hasher;
        this.transactions = transactions;
        this.users = users;
        this.issuer = issuer;
    }

    /** Opens a session when the credentials (and the sign-in code, when the account needs one) are right. */
    public Uni<TokenResponse> login(LoginRequest request) {
        return attempts.begin(Inputs.email(request.email()))
                .chain(attempt -> hasher.verify(request.password(), attempt.passwordHash())
                        .onFailure(PasswordHasher::isBusy)
                        .call(busy -> attempts.notAttempted(attempt))
                        .chain(matches -> {
                            boolean passwordRight = matches && attempt.usable();
                            boolean codeRight =
                                    !attempt.codeRequired() || attempts.codeAccepted(attempt, request.loginCode());
                            return passwordRight && codeRight
                                    ? signIn(attempt, request.loginCode())
                                    : attempts.refuse(attempt, passwordRight, request.loginCode());
                        }));
    }

    /**
     * Opens the session under the account's row lock; a code required by the attempt is checked again there (the
     * copy read before bcrypt may have been used meanwhile by a concurrent sign-in: a code is single use).
     */
    private Uni<TokenResponse> signIn(Attempt attempt, String loginCode) {
        long userId = attempt.credentials().id();
        return transactions
                .write(() -> users.findByIdForUpdate(userId).chain(user -> {
                    if (user == null || user.deletedAt != null || !user.isActive || user.role == UserRole.SERVICE) {
                        return Uni.createFrom().failure(AuthenticationProblem.invalidCredentials());
                    }
                    if (attempt.codeRequired()
                            && !attempts.codeStillValid(
                                    attempt, user.loginCodeHash, user.loginCodeExpires, loginCode)) {
                        return Uni.createFrom().failure(AuthenticationProblem.loginCodeRequired());
                    }
                    user.failedLoginAttempts = 0;
                    user.loginCount++;
                    user.lastLogin = attempt.origin().at();
                    user.loginCodeHash = null;
                    user.loginCodeExpires = null;
                    return issuer.login(user, attempt.origin().at());
                }))
                .call(() -> attempts.succeeded(attempt));
    }
}
