package org.coinpilot.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    Pool pool;

    @Test
    void shouldWriteAuditRowsWhenRegisteringLoggingInUpdatingAndLoggingOut() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("audit");
        JsonPath login = client.newUser(email, mailbox);
        String access = login.getString("accessToken");
        long id = client.userId(access);
        client.authorized(access)
                .body(Map.of("firstName", "Grace", "timezone", "Europe/Paris"))
                .patch("/api/v1/me")
                .then()
                .statusCode(200);
        client.authorized(access).post("/api/v1/auth/logout").then().statusCode(204);

        JsonPath trail = client.authorized(IdentityFixtures.adminToken())
                .queryParam("userId", id)
                .get("/api/v1/admin/activities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> types = trail.getList("items.activityType", String.class);
        assertThat(types).containsExactly("logout", "profile_updated", "login", "email_verified", "register");
        assertThat(trail.getList("items.ipAddress", String.class)).containsOnly(client.ip);
        assertThat(trail.getList("items.userAgent", String.class)).containsOnly(client.userAgent);
        Map<String, Object> update = trail.getMap("items[1]");
        assertThat(update)
                .containsEntry("entityType", "user")
                .containsEntry("action", "update")
                .containsEntry("details", Map.of("fields", List.of("firstName", "timezone")));
        Object loginSession = trail.get("items[2].sessionId");
        assertThat(loginSession).isNotNull();
        assertThat(trail.<Object>get("items[1].sessionId")).isEqualTo(loginSession);
        assertThat(trail.<Object>get("items[0].sessionId")).isEqualTo(loginSession);
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheProfileHoldsANulCharacter() {
        IdentityFixtures client = new IdentityFixtures();
        String access =
                client.newUser(IdentityFixtures.uniqueEmail("nul"), mailbox).getString("accessToken");
        String value = "must not contain the character U+0000";
        String key = "must not have a key containing the character U+0000";
        for (String[] bad : new String[][] {
            {"{\"bio\":\"ab\\u0000cd\"}", "bio", value},
            {"{\"preferences\":{\"theme\":\"v\\u0000\"}}", "preferences.theme", value},
            {"{\"preferences\":{\"k\\u0000\":\"v\"}}", "preferences", key},
            {"{\"preferences\":{\"chart\":{\"k\\u0000\":\"v\\u0000\"}}}", "preferences.chart", key}
        }) {
            JsonPath problem = client.authorized(access)
                    .body(bad[0])
                    .patch("/api/v1/me")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .extract()
                    .jsonPath();
            assertThat(problem.getList("violations", Map.class))
                    .as(bad[0])
                    .containsExactly(Map.of("field", bad[1], "in", "body", "message", bad[2]));
        }
    }

    @Test
    void shouldAnswer400NamingTheParameterWhenAnActivityRangeIsOutOfBounds() {
        IdentityFixtures client = new IdentityFixtures();
        String access =
                client.newUser(IdentityFixtures.uniqueEmail("range"), mailbox).getString("accessToken");
        client.authorized(access)
                .queryParam("from", "+999999999-12-31T23:59:59Z")
                .get("/api/v1/me/activities")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("from"))
                .body("violations[0].in", equalTo("query"))
                .body(
                        "violations[0].message",
                        equalTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        client.authorized(access)
                .queryParam("from", "0001-01-01T00:00:00Z")
                .get("/api/v1/me/activities")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldUpdateTheProfileWhenTheFieldsAreValid() {
        IdentityFixtures client = new IdentityFixtures();
        String access =
                client.newUser(IdentityFixtures.uniqueEmail("profile"), mailbox).getString("accessToken");

        client.authorized(access)
                .body(Map.of(
                        "bio", "Trader",
                        "profilePictureUrl", "https://cdn.example.com/a.png",
                        "language", "en-GB",
                        "preferences", Map.of("theme", "dark", "chart", Map.of("interval", "1h"))))
                .patch("/api/v1/me")
                .then()
                .statusCode(200)
                .body("bio", equalTo("Trader"))
                .body("language", equalTo("en-GB"))
                .body("firstName", equalTo("Ada"))
                .body("preferences.chart.interval", equalTo("1h"));
        client.authorized(access)
                .get("/api/v1/me/activities")
                .then()
                .statusCode(200)
                .body("items[0].activityType", equalTo("profile_updated"));
    }

    @Test
    void shouldAnswer400NamingTheFieldsWhenTheProfileIsInvalid() {
        IdentityFixtures client = new IdentityFixtures();
        String access = client.newUser(IdentityFixtures.uniqueEmail("badprofile"), mailbox)
                .getString("accessToken");

        client.authorized(access)
                .body(Map.of("language", "english!", "profilePictureUrl", "http://insecure"))
                .patch("/api/v1/me")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("language", "profilePictureUrl"));
        client.authorized(access)
                .body(Map.of("timezone", "Mars/Olympus"))
                .patch("/api/v1/me")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("timezone"));
        client.authorized(access)
                .body(Map.of("preferences", Map.of("deep", Map.of("deeper", Map.of("x", 1)))))
                .patch("/api/v1/me")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("preferences.deep.deeper"));
        client.authorized(access)
                .body(Map.of("preferences", Map.of("big", "x".repeat(501))))
                .patch("/api/v1/me")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("preferences.big"));
    }

    @Test
    void shouldKeepTheNotificationSettingsOutOfTheProfilePreferences() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("reserved");
        String access = client.newUser(email, mailbox).getString("accessToken");
        // as PUT /api/v1/notifications/preferences stores them
        pool.preparedQuery("UPDATE users SET preferences = $2::jsonb WHERE email = $1")
                .execute(Tuple.of(
                        email,
                        new JsonObject()
                                .put("theme", "light")
                                .put(
                                        "notifications",
                                        new JsonObject()
                                                .put(
                                                        "quietHours",
                                                        new JsonObject()
                                                                .put("start", "22:00")
                                                                .put("end", "07:00")))))
                .await()
                .indefinitely();

        client.authorized(access)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("preferences.theme", equalTo("light"))
                .body("preferences.containsKey('notifications')", equalTo(false));
        client.authorized(access)
                .body(Map.of("preferences", Map.of("theme", "dark")))
                .patch("/api/v1/me")
                .then()
                .statusCode(200)
                .body("preferences.theme", equalTo("dark"));
        String stored = pool.preparedQuery(
                        "SELECT preferences #>> '{notifications,quietHours,start}' AS s FROM users WHERE email = $1")
                .execute(Tuple.of(email))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString("s");
        assertThat(stored).as("notification settings survive a profile update").isEqualTo("22:00");
        client.authorized(access)
                .body(Map.of("preferences", Map.of("notifications", Map.of("channels", Map.of()))))
                .patch("/api/v1/me")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("preferences.notifications"));
    }

    @Test
    void shouldAnswer404WhenRevokingAnotherUsersSession() {
        IdentityFixtures alice = new IdentityFixtures();
        IdentityFixtures bob = new IdentityFixtures();
        String aliceAccess =
                alice.newUser(IdentityFixtures.uniqueEmail("alice"), mailbox).getString("accessToken");
        String bobAccess =
                bob.newUser(IdentityFixtures.uniqueEmail("bob"), mailbox).getString("accessToken");
        long bobSession = bob.authorized(bobAccess)
                .get("/api/v1/me/sessions")
                .then()
                .statusCode(200)
                .body("items[0].current", equalTo(true))
                .body("items[0].userAgent", equalTo(bob.userAgent))
                .body("items[0].ipAddress", equalTo(bob.ip))
                .extract()
                .jsonPath()
                .getLong("items[0].id");

        alice.authorized(aliceAccess)
                .delete("/api/v1/me/sessions/{id}", bobSession)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("SESSION_NOT_FOUND"))
                .body("status", equalTo(404));
        bob.authorized(bobAccess).get("/api/v1/me").then().statusCode(200);

        bob.authorized(bobAccess)
                .delete("/api/v1/me/sessions/{id}", bobSession)
                .then()
                .statusCode(204);
        bob.authorized(bobAccess).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldKeepThisSessionAndRevokeOthersWhenThePasswordChanges() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("pwchange");
        String one = client.newUser(email, mailbox).getString("accessToken");
        String two = client.login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");

        client.authorized(one)
                .body(Map.of("currentPassword", "wrong-one-123", "newPassword", "another-Secret-55"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("currentPassword"));
        client.authorized(one)
                .body(Map.of("currentPassword", IdentityFixtures.PASSWORD, "newPassword", "another-Secret-55"))
                .post("/api/v1/me/password")
                .then()
                .statusCode(204);

        client.authorized(one).get("/api/v1/me").then().statusCode(200);
        client.authorized(two).get("/api/v1/me").then().statusCode(401);
        client.login(email, "another-Secret-55").then().statusCode(200);
    }

    @Test
    void shouldRefuseLoginWhenTheAccountWasDeleted() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("deleted");
        String access = client.newUser(email, mailbox).getString("accessToken");

        client.authorized(access).delete("/api/v1/me").then().statusCode(204);

        client.authorized(access).get("/api/v1/me").then().statusCode(401);
        client.login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"))
                .body("detail", equalTo("The email or password is not correct."));
    }

    @Test
    void shouldRecordAnAuditRowWhenAnAuditedServiceMethodSucceeds() {
        IdentityFixtures client = new IdentityFixtures();
        String access =
                client.newUser(IdentityFixtures.uniqueEmail("audited"), mailbox).getString("accessToken");

        client.authorized(access).post("/test/audited-probe").then().statusCode(200);
        client.authorized(access).delete("/test/audited-probe/{id}", 7).then().statusCode(204);

        JsonPath trail = client.authorized(access)
                .queryParam("entityType", "probe")
                .get("/api/v1/me/activities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trail.getList("items.activityType", String.class)).containsExactly("probe_deleted", "probe_created");
        assertThat(trail.getList("items.entityId", Long.class)).containsExactly(7L, 42L);
        assertThat(trail.getList("items.action", String.class)).containsExactly("delete", "create");
        assertThat(trail.getList("items.ipAddress", String.class)).containsOnly(client.ip);
        assertThat(trail.getList("items.sessionId")).doesNotContainNull();
    }

    @Test
    void shouldFilterActivitiesByTimeAndAnswer400NamingFromOrToWhenTheRangeIsBad() {
        IdentityFixtures client = new IdentityFixtures();
        String access = client.newUser(IdentityFixtures.uniqueEmail("activityrange"), mailbox)
                .getString("accessToken");
        client.authorized(access).post("/test/audited-probe").then().statusCode(200);

        client.authorized(access)
                .queryParam("entityType", "probe")
                .queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2999-01-01T00:00:00Z")
                .get("/api/v1/me/activities")
                .then()
                .statusCode(200)
                .body("items.activityType", hasItems("probe_created"));
        client.authorized(access)
                .queryParam("entityType", "probe")
                .queryParam("to", "2000-01-01T00:00:00Z")
                .get("/api/v1/me/activities")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        // from not before to was a 500 (a class-level @AssertTrue on the parameter bean); a bad instant was a 404
        for (String[] range : new String[][] {
            {"2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", "from"},
            {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "from"},
            {"yesterday", "2026-01-01T00:00:00Z", "from"},
            {"2026-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "to"}
        }) {
            client.authorized(access)
                    .queryParam("from", range[0])
                    .queryParam("to", range[1])
                    .get("/api/v1/me/activities")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItems(range[2]))
                    .body("violations.in", hasItems("query"));
        }
    }
}
