package org.coinpilot.identity.domain;

import org.coinpilot.common.problem.DomainException;
import org.coinpilot.common.problem.ProblemType;

/**
 * 401 from the auth endpoints. One fixed detail per code, whatever the cause, so that responses never reveal
 * whether an email is registered, locked or deactivated.
 */
public class AuthenticationProblem extends DomainException {

    public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    public static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
    public static final String INVALID_CLIENT = "INVALID_CLIENT";
    public static final String LOGIN_CODE_REQUIRED = "LOGIN_CODE_REQUIRED";

    private AuthenticationProblem(String code, String detail) {
        super(ProblemType.UNAUTHORIZED, code, detail);
    }

    public static AuthenticationProblem invalidCredentials() {
        return new AuthenticationProblem(INVALID_CREDENTIALS, "The email or password is not correct.");
    }

    public static AuthenticationProblem invalidRefreshToken() {
        return new AuthenticationProblem(INVALID_REFRESH_TOKEN, "The refresh token is not valid; log in again.");
    }

    /**
     * The account had too many failed sign-ins lately and needs the code mailed to it. The same answer whether the
     * password was right (then a code was mailed) or not, and whether the account exists.
     */
    public static AuthenticationProblem loginCodeRequired() {
        return new AuthenticationProblem(
                LOGIN_CODE_REQUIRED,
                "This account needs a sign-in code: if the email and password are right, one was mailed to the "
                        + "address. Send it as loginCode with the same email and password.");
    }

    public static AuthenticationProblem invalidClient() {
        return new AuthenticationProblem(INVALID_CLIENT, "The client credentials are not correct.");
    }
}
