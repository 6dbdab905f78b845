package org.coinpilot.identity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.identity.service.ClientCredentialsService;
import org.coinpilot.identity.service.LoginService;
import org.coinpilot.identity.service.LogoutService;
import org.coinpilot.identity.service.MailLinkService;
import org.coinpilot.identity.service.PasswordResetService;
import org.coinpilot.identity.service.RefreshService;
import org.coinpilot.identity.service.RegistrationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Authentication: registration, login, token refresh, logout, email verification, password reset and the
 * client-credentials grant of service clients. Each call is one use case of one service. Rate limited per client
 * address, and per email and address where an email is sent (429 with Retry-After; RateLimit headers on every answer).
 */
@Path("/api/v1/auth")
@AuthRateLimited
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Auth")
@APIResponse(
        responseCode = "429",
        description = "Too many calls from this client address, or for this email from this address (code "
                + "RATE_LIMITED), or too many sign-ins waiting for the server (AUTH_BUSY); retry after Retry-After "
                + "seconds",
        headers = {
            @Header(
                    name = "Retry-After",
                    description = "Seconds to wait",
                    schema = @Schema(implementation = Long.class)),
            @Header(
                    name = RateLimitResponses.RATE_LIMIT_POLICY,
                    description = RateLimitResponses.POLICY_DESCRIPTION,
                    schema = @Schema(implementation = String.class)),
            @Header(
                    name = RateLimitResponses.RATE_LIMIT,
                    description = RateLimitResponses.LIMIT_DESCRIPTION,
                    schema = @Schema(implementation = String.class))
        },
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuthResource {

    private final RegistrationService registration;
    private final MailLinkService mailLinks;
    private final LoginService login;
    private final ClientCredentialsService clientCredentials;
    private final RefreshService refresh;
    private final LogoutService logout;
    private final PasswordResetService passwordReset;

    public AuthResource(
            RegistrationService registration,
            MailLinkService mailLinks,
            LoginService login,
            ClientCredentialsService clientCredentials,
            RefreshService refresh,
            LogoutService logout,
            PasswordResetService passwordReset) {
        this.registration = registration;
        this.mailLinks = mailLinks;
        this.login = login;
        this.clientCredentials = clientCredentials;
        this.refresh = refresh;
        this.logout = logout;
        this.passwordReset = passwordReset;
    }

    @POST
    @Path("/register")
    @Operation(
            summary = "Register an account",
            description =
                    "Always 202 for valid input: a verification link goes to a new address, a notice to an address "
                            + "that already has an account (the answer, and its time, never tell which).")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; see your mailbox",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AcceptedResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown referral code (code INVALID_REFERRAL_CODE), whatever the email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<AcceptedResponse>> register(@Valid @NotNull RegisterRequest request) {
        return registration.register(request).map(RestResponse::accepted);
    }

    @POST
    @Path("/login")
    @Operation(
            summary = "Log in with email and password",
            description = "Opens a session. Unknown email, wrong password and deactivated accounts all get the same "
                    + "401. Failed attempts for one email from one client address are limited (429 for that "
                    + "address only); after many failures from anywhere, the account needs the sign-in code that "
                    + "a login with the right password mails to it (401 LOGIN_CODE_REQUIRED, then send loginCode).")
    @APIResponse(responseCode = "200", description = "Access and refresh tokens")
    @APIResponse(
            responseCode = "401",
            description = "The email or password is not correct (code INVALID_CREDENTIALS), or the account needs the "
                    + "mailed sign-in code (code LOGIN_CODE_REQUIRED, whether or not the password was right)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest request) {
        return login.login(request);
    }

    @POST
    @Path("/refresh")
    @Operation(
            summary = "Exchange a refresh token",
            description = "Returns a new access token and a new refresh token; the one sent stops working. Sending a "
                    + "refresh token that was already exchanged revokes the whole session; one that never was valid "
                    + "is only refused.")
    @APIResponse(responseCode = "200", description = "New access and refresh tokens")
    @APIResponse(
            responseCode = "401",
            description = "Unknown, expired, revoked or reused refresh token (code INVALID_REFRESH_TOKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest request) {
        return refresh.refresh(request);
    }

    @POST
    @Path("/token")
    @Operation(
            summary = "Client-credentials grant (service clients)",
            description = "A service client created by an admin exchanges its client id and secret for an access token "
                    + "(role service); there is no refresh token: ask again when it expires.")
    @APIResponse(responseCode = "200", description = "An access token")
    @APIResponse(
            responseCode = "401",
            description = "Wrong client id or secret (code INVALID_CLIENT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TokenResponse> token(@Valid @NotNull ClientTokenRequest request) {
        return clientCredentials.clientToken(request);
    }

    @POST
    @Path("/logout")
    @Authenticated
    @SecurityRequirement(name = ApiDefinition.BEARER)
    @Operation(summary = "Log out this session", description = "Revokes the session of the access token.")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Uni<Void> logout() {
        return logout.logout();
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    @SecurityRequirement(name = ApiDefinition.BEARER)
    @Operation(summary = "Log out everywhere", description = "Revokes every session of the caller, this one included.")
    @APIResponse(responseCode = "204", description = "All sessions revoked")
    public Uni<Void> logoutAll() {
        return logout.logoutAll();
    }

    @POST
    @Path("/verify-email")
    @Operation(
            summary = "Confirm the email address",
            description = "With the single-use token of the verification mail.")
    @APIResponse(responseCode = "204", description = "Email confirmed")
    @APIResponse(
            responseCode = "422",
            description = "Unknown, used or expired token (code INVALID_OR_EXPIRED_TOKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> verifyEmail(@Valid @NotNull TokenRequestBodies.MailToken request) {
        return registration.verifyEmail(request);
    }

    @POST
    @Path("/resend-verification")
    @Operation(summary = "Send the verification mail again", description = "Always 202.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AcceptedResponse.class)))
    public Uni<RestResponse<AcceptedResponse>> resendVerification(
            @Valid @NotNull TokenRequestBodies.EmailAddress request) {
        return mailLinks.resendVerification(request).map(RestResponse::accepted);
    }

    @POST
    @Path("/forgot-password")
    @Operation(
            summary = "Ask for a password reset mail",
            description = "Always 202, whether or not the address has an account.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AcceptedResponse.class)))
    public Uni<RestResponse<AcceptedResponse>> forgotPassword(@Valid @NotNull TokenRequestBodies.EmailAddress request) {
        return mailLinks.forgotPassword(request).map(RestResponse::accepted);
    }

    @POST
    @Path("/reset-password")
    @Operation(
            summary = "Set a new password with a reset token",
            description = "The token works once; every session of the account is revoked and its sign-in limits and "
                    + "sign-in code are cleared.")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(
            responseCode = "422",
            description = "Unknown, used or expired token (code INVALID_OR_EXPIRED_TOKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> resetPassword(@Valid @NotNull TokenRequestBodies.ResetPassword request) {
        return passwordReset.resetPassword(request);
    }
}
