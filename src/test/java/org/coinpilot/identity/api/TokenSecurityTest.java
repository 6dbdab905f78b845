package org.coinpilot.identity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.Test;

/** Access tokens that must be refused: expired, tampered, foreign issuer, foreign key, unsigned; and roles. */
@QuarkusTest
class TokenSecurityTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void shouldAnswer401WhenTheTokenExpired() {
        String token = Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject("7")
                .groups("public")
                .issuedAt(Instant.now().minus(Duration.ofHours(1)))
                .expiresAt(Instant.now().minus(Duration.ofMinutes(30)))
                .sign();
        assertUnauthorized(token);
    }

    @Test
    void shouldAnswer401WhenThePayloadWasTampered() {
        IdentityFixtures client = new IdentityFixtures();
        String valid =
                client.newUser(IdentityFixtures.uniqueEmail("tamper"), mailbox).getString("accessToken");
        client.authorized(valid).get("/api/v1/me").then().statusCode(200);
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"public\"]", "\"groups\":[\"admin\"]");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertUnauthorized(tampered);
    }

    @Test
    void shouldAnswer401WhenTheIssuerIsForeign() {
        String token = Jwt.issuer("https://evil.example.com")
                .audience(TestTokens.AUDIENCE)
                .subject("7")
                .groups("admin")
                .expiresIn(600)
                .sign();
        assertUnauthorized(token);
    }

    @Test
    void shouldAnswer401WhenTheAudienceIsForeign() {
        String token = Jwt.issuer(TestTokens.ISSUER)
                .audience("another-api")
                .subject("7")
                .groups("admin")
                .expiresIn(600)
                .sign();
        assertUnauthorized(token);
    }

    @Test
    void shouldAnswer401WhenSignedWithAnotherKey() throws Exception {
        PrivateKey other = KeyUtils.readPrivateKey("keys/other-private.pem");
        String token = Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject("7")
                .groups("admin")
                .expiresIn(600)
                .sign(other);
        assertUnauthorized(token);
    }

    @Test
    void shouldAnswer401WhenTheTokenIsUnsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                        + "\",\"sub\":\"7\",\"groups\":[\"admin\"],\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(header + "." + payload + ".");
        assertUnauthorized(header + "." + payload);
    }

    @Test
    void shouldAnswer403WhenThePublicRoleCallsAnAdminEndpoint() {
        IdentityFixtures client = new IdentityFixtures();
        String access =
                client.newUser(IdentityFixtures.uniqueEmail("role"), mailbox).getString("accessToken");
        client.authorized(access)
                .get("/api/v1/admin/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"))
                .body("status", equalTo(403));
        client.authorized(access).get("/api/v1/admin/activities").then().statusCode(403);
    }

    @Test
    void shouldAnswer401WhenTheSessionBelongsToAnotherUserThanTheSubject() {
        IdentityFixtures client = new IdentityFixtures();
        String victim =
                client.newUser(IdentityFixtures.uniqueEmail("victim"), mailbox).getString("accessToken");
        String intruder = client.newUser(IdentityFixtures.uniqueEmail("intruder"), mailbox)
                .getString("accessToken");
        long intruderId = client.userId(intruder);
        String victimSession = claim(victim, "sid");
        client.authorized(victim).get("/api/v1/me").then().statusCode(200);

        // correctly signed (a signing mistake or a leaked key), but the sid is the victim's and the sub is not
        String mixed = Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject(Long.toString(intruderId))
                .upn("intruder@example.com")
                .groups("public")
                .claim("sid", victimSession)
                .expiresIn(600)
                .sign();
        assertUnauthorized(mixed);
        // the victim's own token and session are untouched
        client.authorized(victim).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldAnswer401WhenNoTokenIsSent() {
        given().get("/api/v1/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().get("/api/v1/admin/users").then().statusCode(401);
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString(name);
    }

    private static void assertUnauthorized(String token) {
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.coinpilot.org/problems/unauthorized"))
                .body("code", equalTo("UNAUTHORIZED"))
                .body("instance", equalTo("/api/v1/me"));
    }
}
