package org.coinpilot.identity.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builders for identity resource tests. Each fixture is one "client" with its own IP (sent as X-Forwarded-For,
 * believed from the test's loopback proxy), so that the per-IP rate limit of one test never touches another.
 */
final class IdentityFixtures {

    static final String PASSWORD = "violet-Harbor-lantern-42";
    static final String ADMIN_EMAIL = "root@test.coinpilot.dev";
    static final String ADMIN_PASSWORD = "Bootstrap-admin-2026";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+)");
    private static final Pattern LOGIN_CODE = Pattern.compile("sign-in code: ([0-9]{8})");
    private static String adminToken;

    final String ip;
    final String userAgent;

    IdentityFixtures() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.ip = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        this.userAgent = "IdentityTest/" + UUID.randomUUID();
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    RequestSpecification request() {
        return given().header("X-Forwarded-For", ip)
                .header("User-Agent", userAgent)
                .contentType(ContentType.JSON);
    }

    RequestSpecification authorized(String accessToken) {
        return request().header("Authorization", "Bearer " + accessToken);
    }

    Response register(String email, String password, String referralCode) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("firstName", "Ada");
        body.put("lastName", "Tester");
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        return request().body(body).post("/api/v1/auth/register");
    }

    Response login(String email, String password) {
        return request().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    Response login(String email, String password, String loginCode) {
        return request()
                .body(Map.of("email", email, "password", password, "loginCode", loginCode))
                .post("/api/v1/auth/login");
    }

    /** Registers, verifies and logs in a new user; the login answer (accessToken, refreshToken). */
    JsonPath newUser(String email, MockMailbox mailbox) {
        register(email, PASSWORD, null).then().statusCode(202);
        String token = tokenFromMail(mailbox, email, "verify-email");
        request()
                .body(Map.of("token", token))
                .post("/api/v1/auth/verify-email")
                .then()
                .statusCode(204);
        return login(email, PASSWORD).then().statusCode(200).extract().jsonPath();
    }

    long userId(String accessToken) {
        return authorized(accessToken)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** The access token of the bootstrap admin (logged in once per run). */
    static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = new IdentityFixtures()
                    .login(ADMIN_EMAIL, ADMIN_PASSWORD)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("accessToken");
        }
        return adminToken;
    }

    /** The token of the newest mail to {@code email} whose link goes to {@code page}, waiting for it to arrive. */
    static String tokenFromMail(MockMailbox mailbox, String email, String page) {
        return await("a " + page + " mail to " + email)
                .atMost(Duration.ofSeconds(5))
                .until(() -> newestMatch(mailbox, email, "/" + page + "?", TOKEN), token -> token != null);
    }

    /** The newest 8-digit sign-in code mailed to {@code email}, waiting for it to arrive. */
    static String loginCodeFromMail(MockMailbox mailbox, String email) {
        return await("a sign-in code mail to " + email)
                .atMost(Duration.ofSeconds(5))
                .until(() -> newestMatch(mailbox, email, "sign-in code", LOGIN_CODE), code -> code != null);
    }

    /** Waits until {@code count} mails were sent to {@code email}. */
    static void awaitMailCount(MockMailbox mailbox, String email, int count) {
        await("mail number " + count + " to " + email)
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailCount(mailbox, email) >= count);
    }

    private static String newestMatch(MockMailbox mailbox, String email, String marker, Pattern pattern) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        if (mails == null) {
            return null;
        }
        for (int i = mails.size() - 1; i >= 0; i--) {
            String text = mails.get(i).getText();
            if (text != null && text.contains(marker)) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    static int mailCount(MockMailbox mailbox, String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        return mails == null ? 0 : mails.size();
    }
}
