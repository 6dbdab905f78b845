package org.coinpilot.identity.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token responses and the caller's own account are never stored by a cache (RFC 6749 section 5.1). */
@QuarkusTest
class NoStoreHeadersTest {

    @Test
    void shouldForbidCachingOfTokenResponsesAndOfTheCallersAccount() {
        IdentityFixtures client = new IdentityFixtures();
        Response login = client.login(IdentityFixtures.ADMIN_EMAIL, IdentityFixtures.ADMIN_PASSWORD);
        expectNoStore(login, 200);
        JsonPath tokens = login.jsonPath();
        expectNoStore(
                client.request()
                        .body(Map.of("refreshToken", tokens.getString("refreshToken")))
                        .post("/api/v1/auth/refresh"),
                200);
        String access = tokens.getString("accessToken");
        expectNoStore(client.authorized(access).get("/api/v1/me"), 200);
        expectNoStore(client.authorized(access).get("/api/v1/me/sessions"), 200);
        // the failures of the token endpoints too
        expectNoStore(
                client.request()
                        .body(Map.of(
                                "grantType", "client_credentials",
                                "clientId", "no-such-client",
                                "clientSecret", "not-a-secret-0123456789"))
                        .post("/api/v1/auth/token"),
                401);
        expectNoStore(given().get("/api/v1/me"), 401);
    }

    @Test
    void shouldLeavePublicDataCacheable() {
        given().get("/.well-known/jwks.json").then().statusCode(200).header("Cache-Control", (String) null);
    }

    private static void expectNoStore(Response response, int status) {
        response.then().statusCode(status).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
