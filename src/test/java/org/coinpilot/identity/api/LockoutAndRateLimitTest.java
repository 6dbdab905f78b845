package org.coinpilot.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RateLimitExceededException;
import org.coinpilot.identity.persistence.AuthThrottleRepository;
import org.coinpilot.identity.service.AuthThrottle;
import org.coinpilot.identity.service.RateLimitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in limits (issue 13, item 1): per (email, address) and per address, shared through PostgreSQL, an emailed
 * sign-in code instead of an account lockout, admin unlock clearing every counter; and the RateLimit fields.
 */
@QuarkusTest
class LockoutAndRateLimitTest {

    private static final Pattern RESET = Pattern.compile("\"auth\";r=0;t=(\\d+)");

    @Inject
    MockMailbox mailbox;

    @Inject
    Pool pool;

    @Inject
    Transactions transactions;

    @Inject
    AuthThrottleRepository throttles;

    @Inject
    IdentityConfig config;

    @Inject
    Clock clock;

    @AfterEach
    void putTheClockBack() {
        TestClock.reset();
    }

    @Test
    void shouldMakeOnlyTheGuessingAddressWaitAndLetItTryAgainWhenTheWindowPassed() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("lock");
        client.newUser(email, mailbox);

        for (int i = 0; i < 5; i++) {
            client.login(email, "wrong-Password-" + i).then().statusCode(401);
        }
        // this address has used its attempts for this email: even the right password waits, with the delay given
        Response waiting = client.login(email, IdentityFixtures.PASSWORD);
        waiting.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .body("instance", equalTo("/api/v1/auth/login"));
        assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(waiting.header("RateLimit")).contains("\"login\";r=0;t=");

        TestClock.advance(Duration.ofMinutes(14));
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(429);

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
    void shouldLetTheOwnerSignInFromAnotherAddressWhenAnAttackerFailedTenTimes() {
        String email = IdentityFixtures.uniqueEmail("owner");
        new IdentityFixtures().newUser(email, mailbox);
        IdentityFixtures attacker = new IdentityFixtures();

        int refused = 0;
        for (int i = 0; i < 10; i++) {
            int status = attacker.login(email, "guess-Password-" + i).statusCode();
            assertThat(status).isIn(401, 429);
            refused += status == 429 ? 1 : 0;
        }

        // the owner, from another address, with the right password
        new IdentityFixtures().login(email, IdentityFixtures.PASSWORD).then().statusCode(200);
        // only the attacker's address waited, and still waits
        assertThat(refused).isEqualTo(5);
        attacker.login(email, IdentityFixtures.PASSWORD).then().statusCode(429);
    }

    @Test
    void shouldAskForAMailedCodeInsteadOfRefusingWhenManyAddressesFailAgainstOneAccount() {
        String email = IdentityFixtures.uniqueEmail("stepup");
        new IdentityFixtures().newUser(email, mailbox);
        String ghost = IdentityFixtures.uniqueEmail("stepup-ghost");
        int failures = config.stepUp().failures();
        for (int i = 0; i < failures; i++) {
            IdentityFixtures attacker = new IdentityFixtures(); // a botnet: a new address every time
            attacker.login(email, "guess-Password-" + i)
                    .then()
                    .statusCode(401)
                    .body("code", equalTo("INVALID_CREDENTIALS"));
            attacker.login(ghost, "guess-Password-" + i)
                    .then()
                    .statusCode(401)
                    .body("code", equalTo("INVALID_CREDENTIALS"));
        }
        int mailsBefore = IdentityFixtures.mailCount(mailbox, email);

        // from now on a code is needed; the answer is the same for a right password, a wrong one and no account
        IdentityFixtures owner = new IdentityFixtures();
        Response right = owner.login(email, IdentityFixtures.PASSWORD);
        Response wrong = new IdentityFixtures().login(email, "guess-Password-x");
        Response none = new IdentityFixtures().login(ghost, IdentityFixtures.PASSWORD);
        for (Response response : java.util.List.of(right, wrong, none)) {
            response.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("LOGIN_CODE_REQUIRED"))
                    .body("instance", equalTo("/api/v1/auth/login"));
        }
        assertThat(AuthResourceTest.withoutTraceId(right))
                .isEqualTo(AuthResourceTest.withoutTraceId(wrong))
                .isEqualTo(AuthResourceTest.withoutTraceId(none));

        // only the right password mailed a code; with it the owner signs in
        IdentityFixtures.awaitMailCount(mailbox, email, mailsBefore + 1);
        String code = IdentityFixtures.loginCodeFromMail(mailbox, email);
        owner.login(email, IdentityFixtures.PASSWORD, code).then().statusCode(200);
        // single use
        owner.login(email, IdentityFixtures.PASSWORD, code)
                .then()
                .statusCode(401)
                .body("code", equalTo("LOGIN_CODE_REQUIRED"));
        // a code is no key without the password
        new IdentityFixtures()
                .login(email, "guess-Password-y", code)
                .then()
                .statusCode(401)
                .body("code", equalTo("LOGIN_CODE_REQUIRED"));

        // once the window passed, the password alone is enough again
        TestClock.advance(config.stepUp().window().plusMinutes(1));
        new IdentityFixtures().login(email, IdentityFixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldClearEveryCounterOfTheAccountWhenAnAdminUnlocksIt() throws Exception {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("unlock");
        long id = client.userId(client.newUser(email, mailbox).getString("accessToken"));
        for (int i = 0; i < 5; i++) {
            client.login(email, "wrong-Password-" + i).then().statusCode(401);
        }
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(429);
        for (int i = 0; i < 5; i++) {
            client.request().body(Map.of("email", email)).post("/api/v1/auth/forgot-password");
        }
        client.request()
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(429);
        assertThat(counters(email)).isEqualTo(4); // login (email, address), account failures, mail, mails sent

        new IdentityFixtures()
                .authorized(IdentityFixtures.adminToken())
                .post("/api/v1/admin/users/{id}/unlock", id)
                .then()
                .statusCode(200)
                .body("failedLoginAttempts", equalTo(0));

        assertThat(counters(email)).isZero();
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(200);
        client.request()
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(202);
    }

    @Test
    void shouldShareTheLimitWithEveryReplicaBecauseItIsCountedInPostgres() throws Exception {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("replicas");
        for (int i = 0; i < 5; i++) {
            client.login(email, "wrong-Password-" + i).then().statusCode(401);
        }

        // another replica: its own limiter instance, nothing shared with this one but the database
        AuthThrottle otherReplica = new AuthThrottle(transactions, throttles, new RateLimitStatus(), config, clock);
        InetAddress address = InetAddress.getByName(client.ip);
        assertThatThrownBy(
                        () -> otherReplica.beforeSignIn(email, address).await().indefinitely())
                .isInstanceOf(RateLimitExceededException.class);
        // an address it never saw is let through
        assertThat(otherReplica
                        .beforeSignIn(email, InetAddress.getByName("192.0.2.77"))
                        .await()
                        .indefinitely()
                        .codeRequired())
                .isFalse();
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenOneClientAddressCallsTooOften() {
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
        assertThat(refused).as("a 429 within 25 calls (limit 20)").isNotNull();
        refused.then()
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.coinpilot.org/problems/too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("code", equalTo("RATE_LIMITED"))
                .body("instance", equalTo("/api/v1/auth/login"));
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"auth\";q=20;w=600");
        Matcher reset = RESET.matcher(refused.header("RateLimit"));
        assertThat(reset.find()).as(refused.header("RateLimit")).isTrue();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 600L).isEqualTo(Long.parseLong(reset.group(1)));

        // another client is not affected
        new IdentityFixtures()
                .login(IdentityFixtures.uniqueEmail("other"), "whatever-Pass-1")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldLimitMailsPerEmailAndAddressWithoutTouchingOtherAddressesOrTheLogin() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("target");
        client.newUser(email, mailbox);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            Response response = client.request().body(Map.of("email", email)).post("/api/v1/auth/forgot-password");
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.header("Retry-After")).isNotBlank();
                assertThat(response.header("RateLimit")).contains("\"mail\";r=0;t=");
            } else {
                response.then().statusCode(202);
            }
        }
        assertThat(refused).isEqualTo(6); // the register of newUser was the first of the 5 mails from this address

        // the owner asks from elsewhere, and signs in from the same address: other limits
        new IdentityFixtures()
                .request()
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(202);
        client.login(email, IdentityFixtures.PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldPublishTheLimitsThatAppliedWhenAnswering() {
        IdentityFixtures client = new IdentityFixtures();
        String email = IdentityFixtures.uniqueEmail("fields");
        client.newUser(email, mailbox);

        Response failed = client.login(email, "wrong-Password-1");
        failed.then().statusCode(401);
        assertThat(failed.header("RateLimit-Policy"))
                .isEqualTo("\"auth\";q=20;w=600, \"login\";q=5;w=900, \"login-address\";q=100;w=3600");
        assertThat(failed.header("RateLimit"))
                .matches("\"auth\";r=\\d+;t=\\d+, \"login\";r=4;t=\\d+, " + "\"login-address\";r=\\d+;t=\\d+");

        Response mail = client.request().body(Map.of("email", email)).post("/api/v1/auth/resend-verification");
        mail.then().statusCode(202);
        assertThat(mail.header("RateLimit-Policy")).isEqualTo("\"auth\";q=20;w=600, \"mail\";q=5;w=900");
        assertThat(mail.header("RateLimit")).contains("\"mail\";r=3;t=");
    }

    @Test
    void shouldDeleteOnlyTheCountersWhoseWindowEndedWhenPruning() {
        String live = "prune-live-" + java.util.UUID.randomUUID();
        String ended = "prune-ended-" + java.util.UUID.randomUUID();
        pool.preparedQuery("INSERT INTO auth_throttles (scope, address, hits, window_start, expires_at) VALUES"
                        + " ('requests', $1, 3, now() - interval '2 minutes', now() + interval '1 hour'),"
                        + " ('requests', $2, 3, now() - interval '2 hours', now() - interval '1 hour')")
                .execute(Tuple.of(live, ended))
                .await()
                .indefinitely();

        int deleted = new AuthThrottle(transactions, throttles, new RateLimitStatus(), config, clock)
                .prune()
                .await()
                .indefinitely();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        java.util.List<String> left = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT address FROM auth_throttles WHERE address IN ($1, $2)")
                .execute(Tuple.of(live, ended))
                .await()
                .indefinitely()
                .forEach(row -> left.add(row.getString("address")));
        assertThat(left).containsExactly(live);
    }

    /** The live counters about this email in auth_throttles. */
    private long counters(String email) throws Exception {
        String subject = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(email.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        return pool.preparedQuery("SELECT count(*) FROM auth_throttles WHERE subject = $1")
                .execute(Tuple.of(subject))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
