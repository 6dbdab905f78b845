package org.coinpilot.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersResourceTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void shouldRefuseLoginAndTokensWhenAnAdminDeactivatesAUser() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("deactivated");
        String access = client.newUser(email, mailbox).getString("accessToken");
        long id = client.userId(access);
        IdentityFixtures admin = new IdentityFixtures();

        admin.authorized(IdentityFixtures.adminToken())
                .post("/api/v1/admin/users/{id}/deactivate", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deletedAt", notNullValue())
                .body("deletedBy", notNullValue());

        client.authorized(access).get("/api/v1/me").then().statusCode(401);
        client.login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"));

        admin.authorized(IdentityFixtures.adminToken())
                .post("/api/v1/admin/users/{id}/restore", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("deletedAt", equalTo(null));
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldAnswer400NamingTheParameterWhenTheSearchHoldsANulCharacter() {
        new IdentityFixtures()
                .authorized(IdentityFixtures.adminToken())
                .queryParam("q", "ab\u0000")
                .get("/api/v1/admin/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("q"))
                .body("violations[0].in", equalTo("query"))
                .body("violations[0].message", equalTo("must not contain the character U+0000"));
    }

    @Test
    void shouldFilterSortAndPageWhenListingUsers() {
        IdentityFixtures client = new IdentityFixtures();
        String marker = "zebra" + System.nanoTime();
        client.newUser(marker + "-a@example.com", mailbox);
        client.register(marker + "-b@example.com", IdentityFixtures.PASSWORD, null)
                .then()
                .statusCode(202);

        JsonPath page = client.authorized(IdentityFixtures.adminToken())
                .queryParam("q", marker)
                .queryParam("sort", "email")
                .queryParam("size", 1)
                .get("/api/v1/admin/users")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("items[0].email", equalTo(marker + "-a@example.com"))
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        client.authorized(IdentityFixtures.adminToken())
                .queryParam("q", marker)
                .queryParam("verified", false)
                .queryParam("role", "PUBLIC")
                .queryParam("plan", "FREE")
                .get("/api/v1/admin/users")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].email", equalTo(marker + "-b@example.com"));
        client.authorized(IdentityFixtures.adminToken())
                .queryParam("sort", "password")
                .get("/api/v1/admin/users")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        // a @BeanParam member is named by its query parameter (q), not by its Java field
        client.authorized(IdentityFixtures.adminToken())
                .queryParam("q", "x".repeat(101))
                .get("/api/v1/admin/users")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("q"))
                .body("violations[0].in", equalTo("query"));
    }

    @Test
    void shouldChangePlanBalanceAndNotesWhenAnAdminPatches() {
        IdentityFixtures client = new IdentityFixtures();
        long id = client.userId(
                client.newUser(IdentityFixtures.uniqueEmail("patch"), mailbox).getString("accessToken"));

        client.authorized(IdentityFixtures.adminToken())
                .body(Map.of(
                        "subscriptionPlan", "PRO",
                        "subscriptionExpiresAt", "2027-01-01T00:00:00Z",
                        "accountBalance", "125.5",
                        "notes", "VIP"))
                .patch("/api/v1/admin/users/{id}", id)
                .then()
                .statusCode(200)
                .body("subscriptionPlan", equalTo("PRO"))
                .body("subscriptionExpiresAt", equalTo("2027-01-01T00:00:00Z"))
                .body("accountBalance", equalTo("125.50000000"))
                .body("notes", equalTo("VIP"));
        client.authorized(IdentityFixtures.adminToken())
                .body(Map.of("active", false))
                .patch("/api/v1/admin/users/{id}", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deletedAt", equalTo(null));
        client.authorized(IdentityFixtures.adminToken())
                .get("/api/v1/admin/users/{id}", 999_999_999L)
                .then()
                .statusCode(404)
                .body("code", equalTo("USER_NOT_FOUND"));
    }

    @Test
    void shouldIssueServiceTokensWhenAClientUsesItsCredentials() {
        IdentityFixtures admin = new IdentityFixtures();
        String name = "model-" + System.nanoTime();
        JsonPath created = admin.authorized(IdentityFixtures.adminToken())
                .body(Map.of("name", name, "notes", "posts predictions"))
                .post("/api/v1/admin/users/service-clients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");

        IdentityFixtures machine = new IdentityFixtures();
        machine.request()
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", "wrong-secret"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_CLIENT"));
        JsonPath token = machine.request()
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", secret))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .body("refreshToken", equalTo(null))
                .extract()
                .jsonPath();
        String payload = new String(java.util.Base64.getUrlDecoder()
                .decode(token.getString("accessToken").split("\\.")[1]));
        assertThat(payload).contains("\"groups\":[\"service\"]");
        machine.authorized(token.getString("accessToken"))
                .get("/api/v1/admin/users")
                .then()
                .statusCode(403);
        // a service client cannot use the password login
        machine.login(clientId, secret).then().statusCode(401);
    }
}
