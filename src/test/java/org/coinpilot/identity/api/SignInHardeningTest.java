package org.coinpilot.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RateLimitExceededException;
import org.coinpilot.identity.service.AuthThrottle;
import org.coinpilot.identity.service.PasswordHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in hardening after the security review of issue 13 items 1-3: the per-email mail cap and the kept link,
 * the account counter counted before bcrypt, client credentials only against service clients, the auth limit
 * whatever the spelling of the path, refusals noted in process, pruning to the end, AUTH_BUSY giving its hits back,
 * the sign-in code single use under concurrency, and scoped IPv6 clients.
 */
@QuarkusTest
class SignInHardeningTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    Pool pool;

    @Inject
    AuthThrottle throttle;

    @Inject
    IdentityConfig config;

    @AfterEach
    void putTheClockBack() {
        TestClock.reset();
    }

    @Test
    void shouldSendAtMostTheCapOfMailsToOneEmailHoweverManyAddressesAsk() {
        String email = IdentityFixtures.uniqueEmail("flooded");
        new IdentityFixtures().newUser(email, mailbox); // the verification mail is the first of the 5
        IdentityFixtures.awaitMailCount(mailbox, email, 1);
        String ghost = IdentityFixtures.uniqueEmail("flooded-ghost");
        int cap = config.rateLimit().mailPerEmail().limit();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < cap + 3; i++) {
            TestClock.advance(config.rateLimit().mailReissueAfter().plusSeconds(1)); // each may mint a new link
            for (String target : List.of(email, ghost)) {
                Response response = new IdentityFixtures() // a new address (an IPv6 /64) every time
                        .request()
                        .body(Map.of("email", target))
                        .post("/api/v1/auth/forgot-password");
                response.then().statusCode(202);
                answers.add(response.asString());
            }
        }
        assertThat(answers).containsOnly(answers.get(0)); // past the cap the answer is still the same 202

        await("mails to " + email)
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(6))
                .until(() -> IdentityFixtures.mailCount(mailbox, email) == cap);
        assertThat(IdentityFixtures.mailCount(mailbox, ghost)).isZero();
    }

    @Test
    void shouldNotSendAnyMailToOneEmailPastTheCapWhenItKeepsBeingRegistered() {
        String email = IdentityFixtures.uniqueEmail("registered");
        int cap = config.rateLimit().mailPerEmail().limit();
        for (int i = 0; i < cap + 3; i++) {
            new IdentityFixtures()
                    .register(email, IdentityFixtures.PASSWORD, null)
                    .then()
                    .statusCode(202);
        }
        await("mails to " + email)
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(6))
                .until(() -> IdentityFixtures.mailCount(mailbox, email) == cap);
    }

    @Test
    void shouldKeepTheMailedResetLinkValidWhenAnotherAddressAsksAgainRightAway() {
        String email = IdentityFixtures.uniqueEmail("keep-link");
        IdentityFixtures owner = new IdentityFixtures();
        owner.newUser(email, mailbox);
        owner.request()
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(202);
        String link = IdentityFixtures.tokenFromMail(mailbox, email, "reset-password");
        int mails = IdentityFixtures.mailCount(mailbox, email);

        // someone else asks for the same email a moment later: same answer, but no new token replaces the mailed one
        new IdentityFixtures()
                .request()
                .body(Map.of("email", email))
                .post("/api/v1/auth/forgot-password")
                .then()
                .statusCode(202);
        await("no second reset mail")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(6))
                .until(() -> IdentityFixtures.mailCount(mailbox, email) == mails);
        owner.request()
                .body(Map.of("token", link, "newPassword", "brand-New-secret-77"))
                .post("/api/v1/auth/reset-password")
                .then()
                .statusCode(204);
    }

    @Test
    void shouldCountTheAccountAttemptBeforeThePasswordIsChecked() throws Exception {
        String email = IdentityFixtures.uniqueEmail("count-first");
        int failures = config.stepUp().failures();
        // attempts that have not (yet) failed: the account counter already holds them
        for (int i = 0; i < failures; i++) {
            assertThat(throttle.beforeSignIn(email, InetAddress.getByName("192.0.2." + (i + 1)))
                            .await()
                            .indefinitely()
                            .codeRequired())
                    .isFalse();
        }
        assertThat(throttle.beforeSignIn(email, InetAddress.getByName("192.0.2.200"))
                        .await()
                        .indefinitely()
                        .codeRequired())
                .isTrue();
        assertThat(hits("account", subject(email), "")).isEqualTo(failures + 1);
    }

    @Test
    void shouldLetAtMostTheStepUpThresholdOfParallelGuessesThroughWithoutACode() throws Exception {
        String email = IdentityFixtures.uniqueEmail("parallel");
        new IdentityFixtures().newUser(email, mailbox);
        int failures = config.stepUp().failures();
        List<Response> answers =
                parallel(2 * failures, i -> new IdentityFixtures().login(email, "guess-Password-" + i));

        long plain = answers.stream()
                .filter(r -> "INVALID_CREDENTIALS".equals(r.path("code")))
                .count();
        long coded = answers.stream()
                .filter(r -> "LOGIN_CODE_REQUIRED".equals(r.path("code")))
                .count();
        // every answer in the message: a failure here once showed 7 plain refusals without saying what the rest were
        List<String> all = answers.stream()
                .map(r -> r.statusCode() + " " + r.path("code"))
                .sorted()
                .toList();
        // 429 AUTH_BUSY: the password-hashing pool turned the attempt away before checking it (a loaded machine); it is
        // neither a refusal nor a code demand, and it may take the place of one of the plain refusals
        long busy = answers.stream()
                .filter(r -> r.statusCode() == 429 && "AUTH_BUSY".equals(r.path("code")))
                .count();
        assertThat(plain).as("plain refusals among %s", all).isBetween(failures - busy, (long) failures);
        assertThat(plain + coded + busy)
                .as("every answer a refusal, a code demand or busy: %s", all)
                .isEqualTo(2L * failures);
    }

    @Test
    void shouldCountClientCredentialFailuresAgainstTheAccountAndNeverAcceptAPersonsPassword() throws Exception {
        String email = IdentityFixtures.uniqueEmail("person");
        IdentityFixtures client = new IdentityFixtures();
        client.newUser(email, mailbox);

        for (int i = 0; i < 3; i++) {
            client.request()
                    .body(Map.of(
                            "grantType",
                            "client_credentials",
                            "clientId",
                            email,
                            "clientSecret",
                            IdentityFixtures.PASSWORD))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(401)
                    .body("code", equalTo("INVALID_CLIENT"));
        }
        // a person's password is no client secret, and each try is one more failure of the account
        assertThat(hits("account", subject(email), "")).isEqualTo(3);
    }

    @Test
    void shouldCountAuthCallsWhateverTheSpellingOfThePath() {
        IdentityFixtures client = new IdentityFixtures();
        Response refused = null;
        Response first = null;
        for (int i = 0; i < 25 && refused == null; i++) {
            Response response = client.request()
                    .urlEncodingEnabled(false)
                    .body(Map.of("email", IdentityFixtures.uniqueEmail("spelled"), "password", "whatever-Pass-1"))
                    .post("/api/v1/%61uth/login");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                response.then().statusCode(401);
                first = first == null ? response : first;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.header("RateLimit-Policy")).startsWith("\"auth\";q=20;w=600");
        assertThat(refused).as("a 429 within 25 calls (limit 20)").isNotNull();
        refused.then().body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void shouldRefuseAnAddressAlreadyRefusedWithoutCountingItInTheDatabaseAgain() throws Exception {
        IdentityFixtures client = new IdentityFixtures();
        int limit = config.rateLimit().requests().limit();
        for (int i = 0; i < limit; i++) {
            client.login(IdentityFixtures.uniqueEmail("noted"), "whatever-Pass-1")
                    .then()
                    .statusCode(401);
        }
        client.login(IdentityFixtures.uniqueEmail("noted"), "whatever-Pass-1")
                .then()
                .statusCode(429);
        int counted = hits("requests", "", client.ip);

        for (int i = 0; i < 5; i++) {
            Response again = client.login(IdentityFixtures.uniqueEmail("noted"), "whatever-Pass-1");
            again.then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
            assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 600L);
            assertThat(again.header("RateLimit")).contains("\"auth\";r=0;t=");
        }
        assertThat(hits("requests", "", client.ip)).isEqualTo(counted);

        // the window ended: the note is gone and the database counts again
        TestClock.advance(config.rateLimit().requests().window().plusSeconds(1));
        client.login(IdentityFixtures.uniqueEmail("noted"), "whatever-Pass-1")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldPruneEveryEndedCounterInOneRunHoweverManyThereAre() {
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        pool.preparedQuery("INSERT INTO auth_throttles (scope, address, hits, window_start, expires_at)"
                        + " SELECT 'requests', $1 || n, 1, now() - interval '2 hours', now() - interval '1 hour'"
                        + " FROM generate_series(1, 120000) AS n")
                .execute(Tuple.of(prefix))
                .await()
                .indefinitely();

        int deleted = throttle.prune().await().indefinitely();

        assertThat(deleted).isGreaterThanOrEqualTo(120000);
        long left = pool.preparedQuery("SELECT count(*) FROM auth_throttles WHERE address LIKE $1 || '%'")
                .execute(Tuple.of(prefix))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
        assertThat(left).isZero();
    }

    @Test
    void shouldGiveTheHitsBackWhenTheServerIsTooBusyToCheckThePassword() throws Exception {
        PasswordHasher busy = mock(PasswordHasher.class);
        when(busy.verify(any(), any()))
                .thenReturn(Uni.createFrom()
                        .failure(new RateLimitExceededException(
                                "AUTH_BUSY", "Too many sign-ins are being processed.", 1)));
        QuarkusMock.installMockForType(busy, PasswordHasher.class);
        String email = IdentityFixtures.uniqueEmail("busy");
        IdentityFixtures owner = new IdentityFixtures();

        for (int i = 0; i < 6; i++) {
            Response refused = owner.login(email, IdentityFixtures.PASSWORD);
            refused.then().statusCode(429).body("code", equalTo("AUTH_BUSY"));
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        }
        assertThat(hits("login", subject(email), owner.ip)).isZero();
        assertThat(hits("login_address", "", owner.ip)).isZero();
        assertThat(hits("account", subject(email), "")).isZero();
    }

    @Test
    void shouldAcceptAMailedSignInCodeOnlyOnceWhenItIsPresentedInParallel() throws Exception {
        String email = IdentityFixtures.uniqueEmail("code-race");
        new IdentityFixtures().newUser(email, mailbox);
        for (int i = 0; i < config.stepUp().failures(); i++) {
            new IdentityFixtures().login(email, "guess-Password-" + i).then().statusCode(401);
        }
        int before = IdentityFixtures.mailCount(mailbox, email);
        new IdentityFixtures()
                .login(email, IdentityFixtures.PASSWORD)
                .then()
                .statusCode(401)
                .body("code", equalTo("LOGIN_CODE_REQUIRED"));
        IdentityFixtures.awaitMailCount(mailbox, email, before + 1);
        String code = IdentityFixtures.loginCodeFromMail(mailbox, email);

        List<Response> answers = parallel(6, i -> new IdentityFixtures().login(email, IdentityFixtures.PASSWORD, code));

        assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 401).count()).isEqualTo(5);
    }

    @Test
    void shouldAcceptAClientWhoseAddressCarriesAnIpv6Scope() {
        String email = IdentityFixtures.uniqueEmail("scoped");
        io.restassured.RestAssured.given()
                .header("X-Forwarded-For", "fe80::1%1") // a link-local client seen by the trusted proxy
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("email", email, "password", IdentityFixtures.PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(202);
    }

    private interface Call {
        Response call(int i);
    }

    /** Runs {@code n} calls at once (all released together) and collects their answers. */
    private static List<Response> parallel(int n, Call call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(executor.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            executor.shutdownNow();
        }
    }

    private int hits(String scope, String subject, String address) {
        var rows = pool.preparedQuery(
                        "SELECT hits FROM auth_throttles WHERE scope = $1 AND subject = $2 AND address = $3")
                .execute(Tuple.of(scope, subject, address))
                .await()
                .indefinitely();
        for (Row row : rows) {
            return row.getInteger("hits");
        }
        return 0;
    }

    private static String subject(String email) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    }
}
