package org.coinpilot.identity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.identity.config.IdentityConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    IdentityConfig config;

    @AfterEach
    void putTheClockBack() {
        TestClock.reset();
    }

    @Test
    void shouldRegisterVerifyAndLogInWhenTheFlowIsFollowed() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("flow");

        client.register(email, IdentityFixtures.PASSWORD, null)
                .then()
                .statusCode(202)
                .body("message", notNullValue());
        String token = IdentityFixtures.tokenFromMail(mailbox, email, "verify-email");
        client.request()
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify-email")
                .then()
                .statusCode(204);
        // single use
        client.request()
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify-email")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_OR_EXPIRED_TOKEN"));

        JsonPath tokens = client.login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("refreshToken", notNullValue())
                .body("refreshTokenExpiresAt", notNullValue())
                .extract()
                .jsonPath();
        client.authorized(tokens.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("verified", equalTo(true))
                .body("role", equalTo("PUBLIC"))
                .body("loginCount", equalTo(1))
                .body("lastLogin", notNullValue())
                .body("referralCode", notNullValue());
    }

    @Test
    void shouldAnswerTheSameWhenRegisteringAnEmailThatIsTaken() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("taken");
        Response first = client.register(email, IdentityFixtures.PASSWORD, null);
        Response second = client.register(email.toUpperCase(java.util.Locale.ROOT), "another-Strong-pass-99", null);

        first.then().statusCode(202);
        second.then().statusCode(202);
        assertThat(second.asString()).isEqualTo(first.asString());
        IdentityFixtures.awaitMailCount(mailbox, email, 2); // verification, then the notice
        assertThat(IdentityFixtures.mailCount(mailbox, email)).isEqualTo(2);
    }

    @Test
    void shouldGiveTheSameAnswerWhenTheEmailIsUnknownOrThePasswordWrong() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("same");
        client.newUser(email, mailbox);

        Response wrongPassword = client.login(email, "not-the-Password-123");
        Response unknown = client.login(IdentityFixtures.uniqueEmail("nobody"), "not-the-Password-123");

        for (Response response : List.of(wrongPassword, unknown)) {
            response.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://docs.coinpilot.org/problems/unauthorized"))
                    .body("title", equalTo("Authentication required"))
                    .body("status", equalTo(401))
                    .body("code", equalTo("INVALID_CREDENTIALS"))
                    .body("detail", equalTo("The email or password is not correct."))
                    .body("instance", equalTo("/api/v1/auth/login"));
        }
        assertThat(withoutTraceId(wrongPassword)).isEqualTo(withoutTraceId(unknown));
    }

    @Test
    void shouldAnswer202AlikeWhenForgotPasswordIsAskedForKnownAndUnknownEmails() {
        IdentityFixtures client = new IdentityFixtures();
        String known = IdentityFixtures.uniqueEmail("forgot");
        client.newUser(known, mailbox);
        String unknown = IdentityFixtures.uniqueEmail("ghost");

        Response forKnown = client.request().body(Map.of("email", known)).post("/api/v1/auth/forgot-password");
        Response forUnknown = client.request().body(Map.of("email", unknown)).post("/api/v1/auth/forgot-password");

        forKnown.then().statusCode(202);
        forUnknown.then().statusCode(202);
        assertThat(forKnown.asString()).isEqualTo(forUnknown.asString());
        assertThat(IdentityFixtures.tokenFromMail(mailbox, known, "reset-password"))
                .isNotBlank();
        assertThat(IdentityFixtures.mailCount(mailbox, unknown)).isZero();
    }

    @Test
    void shouldResetThePasswordOnceAndRevokeSessionsWhenAResetTokenIsUsed() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("reset");
        String oldAccess = client.newUser(email, mailbox).getString("accessToken");
        client.request()
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(202);
        String token = IdentityFixtures.tokenFromMail(mailbox, email, "reset-password");

        client.request()
                .body(Map.of("token", token, "newPassword", "password1234"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("newPassword"))
                .body("violations[0].message", equalTo("is too common; choose a less predictable password"));
        client.request()
                .body(Map.of("token", token, "newPassword", "brand-New-secret-77"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(204);
        client.request()
                .body(Map.of("token", token, "newPassword", "brand-New-secret-78"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_OR_EXPIRED_TOKEN"));

        client.authorized(oldAccess).get("/api/v1/me").then().statusCode(401);
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(401);
        client.login(email, "brand-New-secret-77").then().statusCode(200);
    }

    @Test
    void shouldRotateRefreshTokensAndRevokeTheSessionWhenAnOldOneIsReused() {
        IdentityFixtures client = new IdentityFixtures();
        JsonPath login = client.newUser(IdentityFixtures.uniqueEmail("rotate"), mailbox);
        String first = login.getString("refreshToken");

        JsonPath second = client.request()
                .body(Map.of("refreshToken", first))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String secondRefresh = second.getString("refreshToken");
        assertThat(secondRefresh).isNotEqualTo(first);
        client.authorized(second.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);

        JsonPath third = client.request()
                .body(Map.of("refreshToken", secondRefresh))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        // the first token, rotated twice already, comes back: the whole session is revoked
        client.request()
                .body(Map.of("refreshToken", first))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        client.request()
                .body(Map.of("refreshToken", third.getString("refreshToken")))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
        client.authorized(third.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        client.authorized(login.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(401);

        client.request()
                .body(Map.of("refreshToken", "garbage-without-dot"))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void shouldOnlyRefuseAndKeepTheSessionWhenARefreshSecretWasNeverValid() {
        IdentityFixtures client = new IdentityFixtures();
        JsonPath login = client.newUser(IdentityFixtures.uniqueEmail("guessed"), mailbox);
        String access = login.getString("accessToken");
        String sessionId = login.getString("refreshToken").split("\\.")[0]; // also the sid of every access token

        // anyone who saw an access token knows the session id; a made-up secret must not log the session out
        for (String guess : List.of(sessionId + ".x", sessionId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            new IdentityFixtures()
                    .request()
                    .body(Map.of("refreshToken", guess))
                    .post("/api/v1/auth/refresh")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        }

        client.authorized(access).get("/api/v1/me").then().statusCode(200);
        client.request()
                .body(Map.of("refreshToken", login.getString("refreshToken")))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200)
                .body("refreshToken", notNullValue());
    }

    @Test
    void shouldAnswerTheSameWhenRegisteringWithAnUnknownReferralCodeWhetherOrNotTheEmailIsTaken() {
        IdentityFixtures client = new IdentityFixtures();
        String taken = IdentityFixtures.uniqueEmail("referral-taken");
        client.register(taken, IdentityFixtures.PASSWORD, null).then().statusCode(202);

        Response forTaken = client.register(taken, IdentityFixtures.PASSWORD, "NOSUCHCODE");
        Response forNew =
                client.register(IdentityFixtures.uniqueEmail("referral-new"), IdentityFixtures.PASSWORD, "NOSUCHCODE");

        for (Response response : List.of(forTaken, forNew)) {
            response.then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://docs.coinpilot.org/problems/business-rule-violation"))
                    .body("code", equalTo("INVALID_REFERRAL_CODE"))
                    .body("instance", equalTo("/api/v1/auth/register"));
        }
        assertThat(withoutTraceId(forTaken)).isEqualTo(withoutTraceId(forNew));
    }

    @Test
    void shouldAnswer202AlikeWhenResendVerificationIsAskedForKnownAndUnknownEmails() {
        IdentityFixtures client = new IdentityFixtures();
        String unverified = IdentityFixtures.uniqueEmail("unverified");
        client.register(unverified, IdentityFixtures.PASSWORD, null).then().statusCode(202);
        String first = IdentityFixtures.tokenFromMail(mailbox, unverified, "verify-email");
        String unknown = IdentityFixtures.uniqueEmail("nobody");
        // a link younger than mail-reissue-after is kept rather than replaced (SignInHardeningTest)
        TestClock.advance(config.rateLimit().mailReissueAfter().plusSeconds(1));

        Response forKnown = client.request().body(Map.of("email", unverified)).post("/api/v1/auth/resend-verification");
        Response forUnknown = client.request().body(Map.of("email", unknown)).post("/api/v1/auth/resend-verification");

        forKnown.then().statusCode(202);
        forUnknown.then().statusCode(202);
        assertThat(forKnown.asString()).isEqualTo(forUnknown.asString());
        IdentityFixtures.awaitMailCount(mailbox, unverified, 2);
        String second = IdentityFixtures.tokenFromMail(mailbox, unverified, "verify-email");
        assertThat(second).isNotEqualTo(first);
        assertThat(IdentityFixtures.mailCount(mailbox, unknown)).isZero();
        // the new link works, the old one not any more
        client.request()
                .body(Map.of("token", first))
                .post("/api/v1/auth/verify-email")
                .then()
                .statusCode(422);
        client.request()
                .body(Map.of("token", second))
                .post("/api/v1/auth/verify-email")
                .then()
                .statusCode(204);
    }

    @Test
    void shouldRefuseTheAccessTokenWhenItsSessionLoggedOut() {
        IdentityFixtures client = new IdentityFixtures();
        JsonPath login = client.newUser(IdentityFixtures.uniqueEmail("logout"), mailbox);
        String access = login.getString("accessToken");
        client.authorized(access).get("/api/v1/me").then().statusCode(200);

        client.authorized(access).post("/api/v1/auth/logout").then().statusCode(204);

        client.authorized(access).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        client.request()
                .body(Map.of("refreshToken", login.getString("refreshToken")))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRevokeEverySessionWhenLoggingOutEverywhere() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("all");
        String one = client.newUser(email, mailbox).getString("accessToken");
        String two = client.login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");

        client.authorized(one).post("/api/v1/auth/logout-all").then().statusCode(204);

        client.authorized(one).get("/api/v1/me").then().statusCode(401);
        client.authorized(two).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldAnswer400NamingTheFieldsWhenRegistrationInputIsInvalid() {
        IdentityFixtures client = new IdentityFixtures();
        client.request()
                .body(Map.of("email", "not-an-email", "password", "short"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.coinpilot.org/problems/validation-error"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("email", "password"))
                .body("violations.in", hasItems("body"));

        String email = IdentityFixtures.uniqueEmail("policy");
        client.register(email, email, null)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("password"))
                .body("violations[0].message", equalTo("must not be the email address"));
        client.register(IdentityFixtures.uniqueEmail("common"), "qwertyuiop", null)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("password"))
                .body("violations[0].message", equalTo("is too common; choose a less predictable password"));
        client.request()
                .body(Map.of("email", "x@example.com"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("violations.field", hasItems("password"));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenALoginRepeatsAKeyOrHoldsANulCharacter() {
        IdentityFixtures client = new IdentityFixtures();
        client.request()
                .body("{\"email\":\"a@b.co\",\"password\":\"x\",\"email\":\"dup\"}")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("email"))
                .body("violations[0].in", equalTo("body"))
                .body("violations[0].message", equalTo("must not be given more than once"));
        client.request()
                .body("{\"refreshToken\":\"abc\\u0000\"}")
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("refreshToken"))
                .body("violations[0].message", equalTo("must not contain the character U+0000"));
    }

    @Test
    void shouldCountTheReferralOnceWhenAUserRegistersWithACode() {
        IdentityFixtures client = new IdentityFixtures();
        String referrerAccess = client.newUser(IdentityFixtures.uniqueEmail("referrer"), mailbox)
                .getString("accessToken");
        String code = client.authorized(referrerAccess)
                .get("/api/v1/me")
                .then()
                .extract()
                .path("referralCode");
        String friend = IdentityFixtures.uniqueEmail("friend");

        client.register(friend, IdentityFixtures.PASSWORD, code).then().statusCode(202);
        client.register(friend, IdentityFixtures.PASSWORD, code).then().statusCode(202); // taken: not counted again
        client.register(IdentityFixtures.uniqueEmail("bad"), IdentityFixtures.PASSWORD, "NOSUCHCODE")
                .then()
                .statusCode(422)
                .body("code", equalTo("INVALID_REFERRAL_CODE"));

        client.authorized(referrerAccess)
                .get("/api/v1/me/referrals")
                .then()
                .statusCode(200)
                .body("referralCode", equalTo(code))
                .body("referralCount", equalTo(1))
                .body("referred.totalItems", equalTo(1))
                .body("referred.items[0].email", equalTo(friend.charAt(0) + "***@example.com"))
                .body("referred.items[0].verified", equalTo(false));
    }

    @Test
    void shouldPublishTheSigningKeyWhenJwksIsAsked() {
        IdentityFixtures client = new IdentityFixtures();
        String access =
                client.newUser(IdentityFixtures.uniqueEmail("jwks"), mailbox).getString("accessToken");
        String header = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[0]));

        JsonPath jwks = given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].n", notNullValue())
                .body("keys[0].d", nullValue())
                .extract()
                .jsonPath();
        assertThat(header).contains("\"kid\":\"" + jwks.getString("keys[0].kid") + "\"");
        assertThat(header).contains("\"alg\":\"RS256\"");
    }

    static String withoutTraceId(Response response) {
        return response.asString().replaceAll("\"(requestId|traceId)\":\"[^\"]*\"", "");
    }
}
