package org.coinpilot.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coinpilot.notification.delivery.DeliveryFixtures.as;
import static org.coinpilot.notification.delivery.DeliveryFixtures.notification;
import static org.coinpilot.notification.delivery.DeliveryFixtures.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.test.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preferences API (default profile: no private host allowed) and the ownership of the delivery log. */
@QuarkusTest
class PreferencesApiTest {

    static final String PREFERENCES = "/api/v1/notifications/preferences";
    static final String PUBLIC_URL = "https://93.184.215.14/coinpilot";

    @Inject
    Pool pool;

    @Test
    void shouldAnswerDefaultsWhenNothingIsStored() {
        long user = user(pool, "Asia/Tokyo");
        as(user).get(PREFERENCES)
                .then()
                .statusCode(200)
                .body("channels.size()", equalTo(0))
                .body("alwaysOn", contains("in_app", "stream"))
                .body("webhook", nullValue())
                .body("email", equalTo(true))
                .body("emailAddress", equalTo(DeliveryFixtures.email(pool, user)))
                .body("quietHours", nullValue())
                .body("timezone", equalTo("Asia/Tokyo"));
    }

    @Test
    void shouldStoreOnlyTheNotificationsKeyAndKeepTheSecretUntilTheUrlChanges() {
        long user = user(pool, "UTC");
        DeliveryFixtures.execute(
                pool,
                "UPDATE users SET preferences = $2::jsonb WHERE id = $1",
                Tuple.of(user, new JsonObject().put("theme", "dark")));
        Map<String, Object> body = Map.of(
                "webhook", Map.of("url", PUBLIC_URL),
                "channels", Map.of("alert", List.of("webhook", "email", "stream")),
                "quietHours", Map.of("start", "22:00", "end", "07:00"));

        String secret = as(user).body(body)
                .put(PREFERENCES)
                .then()
                .statusCode(200)
                .body("webhook.url", equalTo(PUBLIC_URL))
                .body("channels.alert", contains("webhook", "email"))
                .body("quietHours.start", equalTo("22:00"))
                .body("quietHours.end", equalTo("07:00"))
                .extract()
                .path("webhook.secret");
        assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(32);

        as(user).get(PREFERENCES).then().statusCode(200).body("webhook.secret", equalTo(secret));
        as(user).body(body).put(PREFERENCES).then().statusCode(200).body("webhook.secret", equalTo(secret));
        String rotated = as(user).body(Map.of("webhook", Map.of("url", PUBLIC_URL, "rotateSecret", true)))
                .put(PREFERENCES)
                .then()
                .statusCode(200)
                .body("channels.size()", equalTo(0))
                .body("quietHours", nullValue())
                .extract()
                .path("webhook.secret");
        assertThat(rotated).isNotEqualTo(secret);
        String changed = as(user).body(Map.of("webhook", Map.of("url", PUBLIC_URL + "/v2")))
                .put(PREFERENCES)
                .then()
                .statusCode(200)
                .extract()
                .path("webhook.secret");
        assertThat(changed).isNotEqualTo(rotated).isNotEqualTo(secret);

        JsonObject stored = (JsonObject) pool.preparedQuery("SELECT preferences FROM users WHERE id = $1")
                .execute(Tuple.of(user))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getValue("preferences");
        assertThat(stored.getString("theme")).isEqualTo("dark");
        assertThat(stored.getJsonObject("notifications")
                        .getJsonObject("webhook")
                        .getString("secret"))
                .isEqualTo(changed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/hook",
                "ftp://93.184.215.14/hook",
                "/relative/hook",
                "https://user:password@93.184.215.14/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.1/hook",
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://localhost:8443/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://100.64.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://0.0.0.0/hook",
                "https://224.0.0.1/hook",
                "https://not a url/",
                "https://0177.0.0.1/hook",
                "https://0x7f.1/hook",
                "https://127.1/hook",
                "https://2130706433/hook",
                "https://0x5d.184.215.14/hook",
                "https://93.184.215.14:0/hook",
                "https://93.184.215.14:65536/hook",
                "https://93.184.215.14:99999999999/hook"
            })
    void shouldRefuseAWebhookUrlThatIsNotHttpsOrPointsAtAPrivateAddress(String url) {
        long user = user(pool, "UTC");
        as(user).body(Map.of("webhook", Map.of("url", url)))
                .put(PREFERENCES)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("webhook.url"));
        as(user).get(PREFERENCES).then().statusCode(200).body("webhook", nullValue());
    }

    @Test
    void shouldRefuseBadQuietHoursAndUnknownChannelsNamingTheField() {
        long user = user(pool, "UTC");
        expect400(user, Map.of("quietHours", Map.of("start", "25:00", "end", "07:00")), "quietHours.start");
        expect400(user, Map.of("quietHours", Map.of("start", "7:00", "end", "08:00")), "quietHours.start");
        expect400(user, Map.of("quietHours", Map.of("start", "22:00")), "quietHours.end");
        expect400(user, Map.of("quietHours", Map.of("start", "22:00", "end", "22:00")), "quietHours.end");
        expect400(user, Map.of("webhook", Map.of()), "webhook.url");
        expect400(user, Map.of("channels", Map.of("alert", List.of("sms"))), "channels.alert");
        expect400(user, Map.of("channels", Map.of("weather", List.of("email"))), "channels.weather");
    }

    @Test
    void shouldAnswer404ForTheDeliveryLogOfAnotherUsersNotification() {
        long owner = user(pool, "UTC");
        long other = user(pool, "UTC");
        long mine = notification(pool, owner, "alert", "normal", TestClock.current(), null);

        as(owner)
                .get("/api/v1/notifications/{id}/deliveries", mine)
                .then()
                .statusCode(200)
                .body("notificationId", equalTo((int) mine))
                .body("items", empty());
        as(other)
                .get("/api/v1/notifications/{id}/deliveries", mine)
                .then()
                .statusCode(404)
                .body("code", equalTo("NOTIFICATION_NOT_FOUND"));
        as(owner)
                .get("/api/v1/notifications/{id}/deliveries", 987_654_321L)
                .then()
                .statusCode(404);
        DeliveryFixtures.execute(pool, "UPDATE notifications SET status = 'dismissed' WHERE id = $1", Tuple.of(mine));
        as(owner).get("/api/v1/notifications/{id}/deliveries", mine).then().statusCode(404);
        RestAssured.given()
                .get("/api/v1/notifications/{id}/deliveries", mine)
                .then()
                .statusCode(401);
        RestAssured.given().get(PREFERENCES).then().statusCode(401);
    }

    private static void expect400(long user, Map<String, Object> body, String field) {
        as(user).body(body).put(PREFERENCES).then().statusCode(400).body("violations[0].field", equalTo(field));
    }
}
