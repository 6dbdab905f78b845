package org.coinpilot.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationsResourceTest {

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)));
    }

    @Test
    void shouldListOnlyTheOwnersVisibleNotificationsNewestFirstWhenListing() {
        long owner = NotificationTestData.user(pool);
        long other = NotificationTestData.user(pool);
        Instant now = Instant.now();
        long older = NotificationTestData.notification(owner)
                .createdAt(now.minus(Duration.ofHours(2)))
                .insert(pool);
        long newer = NotificationTestData.notification(owner)
                .createdAt(now.minus(Duration.ofHours(1)))
                .insert(pool);
        NotificationTestData.notification(owner).status("dismissed").insert(pool);
        NotificationTestData.notification(owner)
                .scheduledFor(now.plus(Duration.ofHours(1)))
                .insert(pool);
        NotificationTestData.notification(owner)
                .expiresAt(now.minus(Duration.ofMinutes(1)))
                .insert(pool);
        NotificationTestData.notification(other).insert(pool);

        as(owner)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", equalTo(List.of((int) newer, (int) older)))
                .body("items[0].type", equalTo("ALERT"))
                .body("items[0].status", equalTo("UNREAD"))
                .body("items[0].priority", equalTo("NORMAL"))
                .body("items[0].data.value", equalTo("50100.00"))
                .body("items[0].channels", equalTo(List.of()))
                .body("items[0].readAt", nullValue());
        as(owner)
                .get("/api/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(2));
    }

    @Test
    void shouldFilterAndPageWhenQueryParametersAreGiven() {
        long owner = NotificationTestData.user(pool);
        Instant now = Instant.now();
        long high = NotificationTestData.notification(owner)
                .priority("high")
                .createdAt(now.minusSeconds(30))
                .insert(pool);
        long system = NotificationTestData.notification(owner)
                .type("system")
                .status("read")
                .createdAt(now.minusSeconds(20))
                .insert(pool);
        long low = NotificationTestData.notification(owner)
                .priority("low")
                .createdAt(now.minusSeconds(10))
                .insert(pool);

        as(owner)
                .queryParam("status", "read")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) system)));
        as(owner)
                .queryParam("status", "UNREAD")
                .get("/api/v1/notifications")
                .then()
                .body("items.id", equalTo(List.of((int) low, (int) high)));
        as(owner)
                .queryParam("type", "SYSTEM")
                .get("/api/v1/notifications")
                .then()
                .body("items.id", equalTo(List.of((int) system)));
        as(owner)
                .queryParam("priority", "HIGH")
                .queryParam("priority", "low")
                .get("/api/v1/notifications")
                .then()
                .body("items.id", equalTo(List.of((int) low, (int) high)));
        as(owner)
                .queryParam("page", 1)
                .queryParam("size", 2)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) high)))
                .body("page", equalTo(1))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        as(owner)
                .queryParam("size", 2)
                .queryParam("includeTotal", false)
                .get("/api/v1/notifications")
                .then()
                .body("items.id", equalTo(List.of((int) low, (int) system)))
                .body("totalItems", nullValue());
    }

    @Test
    void shouldAnswer400NamingTheParameterWhenAFilterIsInvalid() {
        long owner = NotificationTestData.user(pool);
        for (String[] bad : new String[][] {
            {"status", "dismissed"}, {"status", "seen"}, {"type", "weather"}, {"priority", "critical"}, {"size", "101"}
        }) {
            as(owner)
                    .queryParam(bad[0], bad[1])
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("violations.field", hasItem(bad[0]));
        }
    }

    @Test
    void shouldMarkReadMarkAllReadAndDismissWhenTheOwnerAsks() {
        long owner = NotificationTestData.user(pool);
        long first = NotificationTestData.notification(owner).insert(pool);
        long second = NotificationTestData.notification(owner).insert(pool);
        long third = NotificationTestData.notification(owner).insert(pool);
        long later = NotificationTestData.notification(owner)
                .scheduledFor(Instant.now().plus(Duration.ofHours(1)))
                .insert(pool);

        as(owner)
                .post("/api/v1/notifications/{id}/read", first)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) first))
                .body("status", equalTo("READ"))
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        as(owner).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(2));
        // read again: idempotent
        as(owner).post("/api/v1/notifications/{id}/read", first).then().statusCode(200);

        as(owner).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        as(owner).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        assertThat(NotificationTestData.column(pool, later, "status")).isEqualTo("unread");
        assertThat(NotificationTestData.column(pool, second, "read_at")).isNotNull();

        as(owner).post("/api/v1/notifications/{id}/dismiss", third).then().statusCode(204);
        assertThat(NotificationTestData.column(pool, third, "status")).isEqualTo("dismissed");
        as(owner)
                .get("/api/v1/notifications/{id}", third)
                .then()
                .statusCode(404)
                .body("code", equalTo("NOTIFICATION_NOT_FOUND"));
        as(owner).post("/api/v1/notifications/{id}/dismiss", third).then().statusCode(404);
        as(owner).get("/api/v1/notifications").then().body("items.id", equalTo(List.of((int) second, (int) first)));
    }

    @Test
    void shouldAnswer404WhenTheIdIsAnotherUsersOrInvisible() {
        long owner = NotificationTestData.user(pool);
        long other = NotificationTestData.user(pool);
        long theirs = NotificationTestData.notification(other).insert(pool);
        long scheduled = NotificationTestData.notification(owner)
                .scheduledFor(Instant.now().plus(Duration.ofHours(1)))
                .insert(pool);
        long expired = NotificationTestData.notification(owner)
                .expiresAt(Instant.now().minusSeconds(1))
                .insert(pool);

        for (long id : new long[] {theirs, scheduled, expired, Long.MAX_VALUE}) {
            as(owner)
                    .get("/api/v1/notifications/{id}", id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("code", equalTo("NOTIFICATION_NOT_FOUND"));
            as(owner).post("/api/v1/notifications/{id}/read", id).then().statusCode(404);
            as(owner).post("/api/v1/notifications/{id}/dismiss", id).then().statusCode(404);
        }
        assertThat(NotificationTestData.column(pool, theirs, "status")).isEqualTo("unread");
        as(other).get("/api/v1/notifications/{id}", theirs).then().statusCode(200);
        as(owner).get("/api/v1/notifications/abc").then().statusCode(404);
    }

    @Test
    void shouldHideAScheduledNotificationUntilItIsDueAndAnExpiringOneAfterItExpires() {
        long owner = NotificationTestData.user(pool);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestClock.set(now);
        long scheduled = NotificationTestData.notification(owner)
                .title("later")
                .scheduledFor(now.plus(Duration.ofHours(1)))
                .insert(pool);
        long expiring = NotificationTestData.notification(owner)
                .title("soon gone")
                .expiresAt(now.plus(Duration.ofMinutes(30)))
                .insert(pool);

        JsonPath before =
                as(owner).get("/api/v1/notifications").then().extract().jsonPath();
        assertThat(before.getList("items.id", Long.class)).containsExactly(expiring);
        as(owner).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(1));

        TestClock.set(now.plus(Duration.ofMinutes(30)));
        as(owner).get("/api/v1/notifications").then().body("totalItems", equalTo(0));
        as(owner).get("/api/v1/notifications/{id}", expiring).then().statusCode(404);

        TestClock.set(now.plus(Duration.ofHours(1)));
        as(owner)
                .get("/api/v1/notifications")
                .then()
                .body("items.id", equalTo(List.of((int) scheduled)))
                .body(
                        "items[0].scheduledFor",
                        equalTo(now.plus(Duration.ofHours(1)).toString()));
        as(owner).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(1));
    }

    @Test
    void shouldAnswer401WithoutATokenAnd403ForAServiceClient() {
        given().get("/api/v1/notifications").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.token(1L, "service")))
                .get("/api/v1/notifications")
                .then()
                .statusCode(403);
    }
}
