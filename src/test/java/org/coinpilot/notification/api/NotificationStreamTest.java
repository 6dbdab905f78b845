package org.coinpilot.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.common.security.Roles;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.notification.service.NotificationListener;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream through a real HTTP SSE client, fed by LISTEN/NOTIFY. */
@QuarkusTest
class NotificationStreamTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    Pool pool;

    @Inject
    NotificationListener listener;

    @BeforeEach
    void awaitListen() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!listener.isListening()) {
            assertThat(System.nanoTime()).as("LISTEN connection up").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void shouldReceiveABroadcastCreatedByAnotherRequestWhenConnected() throws Exception {
        long user = NotificationTestData.user(pool);
        String title = "Maintenance " + UUID.randomUUID();
        try (SseTestClient client = SseTestClient.open(stream, TestTokens.user(user), null)) {
            assertThat(client.status).isEqualTo(200);
            assertThat(client.contentType).startsWith("text/event-stream");
            assertThat(client.headers.firstValue("Cache-Control")).contains("no-store");
            assertThat(client.headers.firstValue("X-Accel-Buffering")).contains("no");
            client.awaitComment("connected", WAIT);

            given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                    .header("Idempotency-Key", "stream-" + UUID.randomUUID())
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", title, "message", "Back at 10:00 UTC", "audience", "PUBLIC"))
                    .post("/api/v1/admin/notifications/broadcast")
                    .then()
                    .statusCode(202);

            SseTestClient.Event event = client.nextNotification(WAIT);
            assertThat(event).as("the broadcast reaches the open stream").isNotNull();
            assertThat(event.name()).isEqualTo("notification");
            JsonObject data = event.json();
            assertThat(data.getString("title")).isEqualTo(title);
            assertThat(data.getString("type")).isEqualTo("SYSTEM");
            assertThat(event.id()).isEqualTo(Long.toString(data.getLong("id")));
            Map<String, Object> listItem = NotificationsResourceTest.as(user)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("items[0]");
            assertThat(data.getMap()).isEqualTo(new JsonObject(listItem).getMap());
        }
    }

    @Test
    void shouldPushANotificationNotifiedFromAnotherConnectionOnlyToItsOwner() throws Exception {
        long alice = NotificationTestData.user(pool);
        long bob = NotificationTestData.user(pool);
        try (SseTestClient aliceStream = SseTestClient.open(stream, TestTokens.user(alice), null);
                SseTestClient bobStream = SseTestClient.open(stream, TestTokens.user(bob), null)) {
            aliceStream.awaitComment("connected", WAIT);
            bobStream.awaitComment("connected", WAIT);

            // as another replica would: insert, release and NOTIFY on a connection of its own
            long bobs = insertAndNotify(bob, "for bob");
            SseTestClient.Event bobEvent = bobStream.nextNotification(WAIT);
            assertThat(bobEvent).isNotNull();
            assertThat(bobEvent.id()).isEqualTo(Long.toString(bobs));
            assertThat(bobEvent.json().getString("title")).isEqualTo("for bob");
            assertThat(bobEvent.json().getJsonObject("data").getString("value")).isEqualTo("50100.00");

            long alices = insertAndNotify(alice, "for alice");
            SseTestClient.Event aliceEvent = aliceStream.nextNotification(WAIT);
            assertThat(aliceEvent).isNotNull();
            assertThat(aliceEvent.id())
                    .as("alice's first event is hers, bob's never reached her")
                    .isEqualTo(Long.toString(alices));
            assertThat(aliceStream.nextNotification(Duration.ofMillis(500))).isNull();
            assertThat(bobStream.nextNotification(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void shouldReplayReleasedVisibleNotificationsAfterTheLastEventId() throws Exception {
        long user = NotificationTestData.user(pool);
        long other = NotificationTestData.user(pool);
        Instant released = Instant.now().minusSeconds(60);
        long first = NotificationTestData.notification(user).sentAt(released).insert(pool);
        long second = NotificationTestData.notification(user).sentAt(released).insert(pool);
        NotificationTestData.notification(user).insert(pool); // not released yet
        NotificationTestData.notification(user)
                .sentAt(released)
                .status("dismissed")
                .insert(pool);
        NotificationTestData.notification(other).sentAt(released).insert(pool);
        long third = NotificationTestData.notification(user).sentAt(released).insert(pool);

        try (SseTestClient client = SseTestClient.open(stream, TestTokens.user(user), Long.toString(first))) {
            List<String> seen = new ArrayList<>();
            while (true) {
                SseTestClient.Event event = client.next(WAIT);
                assertThat(event).as("events before the connected comment").isNotNull();
                if ("connected".equals(event.comment())) {
                    break;
                }
                if (event.comment() == null) {
                    seen.add(event.id());
                }
            }
            assertThat(seen).containsExactly(Long.toString(second), Long.toString(third));
        }
    }

    @Test
    void shouldRefuseBadRequestsAndMoreStreamsThanTheCap() throws Exception {
        SseTestClient anonymous = SseTestClient.open(stream, null, null);
        assertThat(anonymous.status).isEqualTo(401);

        long user = NotificationTestData.user(pool);
        SseTestClient bad = SseTestClient.open(stream, TestTokens.user(user), "abc");
        assertThat(bad.status).isEqualTo(400);
        assertThat(new JsonObject(bad.body)
                        .getJsonArray("violations")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("Last-Event-ID");

        List<SseTestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                SseTestClient client = SseTestClient.open(stream, TestTokens.user(user), null);
                open.add(client);
                client.awaitComment("connected", WAIT);
            }
            SseTestClient refused = SseTestClient.open(stream, TestTokens.user(user), null);
            assertThat(refused.status).isEqualTo(429);
            assertThat(new JsonObject(refused.body).getString("code")).isEqualTo("STREAM_LIMIT_REACHED");
        } finally {
            open.forEach(SseTestClient::close);
        }
        // closed streams free their places
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try (SseTestClient again = SseTestClient.open(stream, TestTokens.user(user), null)) {
                status = again.status;
            }
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void shouldEndTheStreamWhenTheAccessTokenExpires() throws Exception {
        long user = NotificationTestData.user(pool);
        String shortLived = Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject(Long.toString(user))
                .groups(Roles.PUBLIC)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3))
                .sign();
        try (SseTestClient client = SseTestClient.open(stream, shortLived, null)) {
            client.awaitComment("connected", WAIT);
            client.awaitComment("heartbeat", WAIT); // every second in %test
            client.awaitComment("<end of stream>", WAIT);
        }
    }

    @Test
    void shouldEndOpenStreamsAndListenAgainWhenTheListenConnectionIsLost() throws Exception {
        long user = NotificationTestData.user(pool);
        try (SseTestClient client = SseTestClient.open(stream, TestTokens.user(user), null)) {
            client.awaitComment("connected", WAIT);
            long terminated = MarketTestData.count(
                    pool,
                    "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND query LIKE 'LISTEN%coinpilot_notifications%') killed");
            assertThat(terminated).as("the LISTEN connection").isEqualTo(1);
            // reconnected: open streams end, so that clients come back with Last-Event-ID
            client.awaitComment("<end of stream>", WAIT);
        }
        awaitListen();
        try (SseTestClient client = SseTestClient.open(stream, TestTokens.user(user), null)) {
            client.awaitComment("connected", WAIT);
            long id = insertAndNotify(user, "after the reconnection");
            SseTestClient.Event event = client.nextNotification(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(id));
        }
    }

    /** Inserts a released notification and NOTIFYs its id from a plain JDBC connection, in one transaction. */
    private static long insertAndNotify(long userId, String title) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO notifications (user_id, notification_type, title, message, data, sent_at)"
                            + " VALUES (?, 'alert', ?, 'BTC closed above 50000', '{\"value\": \"50100.00\"}', now())"
                            + " RETURNING id")) {
                insert.setLong(1, userId);
                insert.setString(2, title);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            try (PreparedStatement notify =
                    connection.prepareStatement("SELECT pg_notify('coinpilot_notifications', ?)")) {
                notify.setString(1, Long.toString(id));
                notify.execute();
            }
            connection.commit();
            return id;
        }
    }
}
