package org.coinpilot.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.coinpilot.common.test.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LockoutAndRateLimitTest {

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void putTheClockBack() {
        TestClock.reset();
    }

    @Test
    void shouldLockAfterFiveFailuresAndUnlockWhenThePeriodPassed() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("lock");
        client.newUser(email, mailbox);

        for (int i = 0; i < 5; i++) {
            client.login(email, "wrong-Password-" + i).then().statusCode(401);
        }
        // locked: even the right password gets the same answer as a wrong one
        Response locked = client.login(email, IdentityFixtures.PASSWORD);
        locked.then()
                .statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"))
                .body("detail", equalTo("The email or password is not correct."));

        TestClock.advance(Duration.ofMinutes(14));
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(401);

        TestClock.advance(Duration.ofMinutes(2));
        String access = client.login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        long id = client.userId(access);
        TestClock.reset();

        new IdentityFixtures()
                .authorized(IdentityFixtures.adminToken())
                .get("/api/v1/admin/users/{id}", id)
                .then()
                .statusCode(200)
                .body("failedLoginAttempts", equalTo(0))
                .body("lockoutExpires", equalTo(null))
                .body("loginCount", equalTo(2));
    }

    @Test
    void shouldLetAnAdminUnlockALockedAccount() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("unlock");
        long id = client.userId(client.newUser(email, mailbox).getString("accessToken"));
        for (int i = 0; i < 5; i++) {
            client.login(email, "wrong-Password-" + i).then().statusCode(401);
        }
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(401);

        new IdentityFixtures()
                .authorized(IdentityFixtures.adminToken())
                .post("/api/v1/admin/users/{id}/unlock", id)
                .then()
                .statusCode(200)
                .body("failedLoginAttempts", equalTo(0));

        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenOneClientIpCallsTooOften() {
        IdentityFixtures client = new IdentityFixtures();
        Response refused = null;
        for (int i = 0; i < 25 && refused == null; i++) {
            Response response = client.request()
                    .body(Map.of("email", IdentityFixtures.uniqueEmail("flood"), "password", "whatever-Pass-1"))
                    .post("/api/v1/auth/login");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                response.then().statusCode(401);
            }
        }
        assertThat(refused).as("a 429 within 25 calls (capacity 20)").isNotNull();
        refused.then()
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.coinpilot.org/problems/too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("code", equalTo("RATE_LIMITED"))
                .body("instance", equalTo("/api/v1/auth/login"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        // another client is not affected
        new IdentityFixtures()
                .login(IdentityFixtures.uniqueEmail("other"), "whatever-Pass-1")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldAnswer429WhenOneEmailIsTriedTooOften() {
        String email = IdentityFixtures.uniqueEmail("target");
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            // a fresh client IP each time: only the per-email bucket (capacity 10) applies
            Response response = new IdentityFixtures()
                    .request()
                    .body(Map.of("email", email))
                    .post("/api/v1/auth/forgot-password");
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.header("Retry-After")).isNotBlank();
            } else {
                response.then().statusCode(202);
            }
        }
        assertThat(refused).isEqualTo(2);
    }
}
