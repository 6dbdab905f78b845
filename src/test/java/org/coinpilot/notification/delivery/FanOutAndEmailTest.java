package org.coinpilot.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coinpilot.notification.delivery.DeliveryFixtures.as;
import static org.coinpilot.notification.delivery.DeliveryFixtures.attempts;
import static org.coinpilot.notification.delivery.DeliveryFixtures.deliveries;
import static org.coinpilot.notification.delivery.DeliveryFixtures.fannedOutAt;
import static org.coinpilot.notification.delivery.DeliveryFixtures.notification;
import static org.coinpilot.notification.delivery.DeliveryFixtures.released;
import static org.coinpilot.notification.delivery.DeliveryFixtures.user;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.notification.service.DeliveryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fan-out of released notifications into the outbox, and email delivery (mock mailbox). */
@QuarkusTest
@TestProfile(DeliveryTestProfile.class)
class FanOutAndEmailTest {

    static WebhookReceiver receiver;

    @Inject
    Pool pool;

    @Inject
    DeliveryService delivery;

    @Inject
    MockMailbox mailbox;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldCreateOneDeliveryPerConfiguredChannelOnceAndMailTheNotification() {
        long user = user(pool, "UTC");
        String email = DeliveryFixtures.email(pool, user);
        String path = "/hook/" + UUID.randomUUID();
        // email for alerts from the preferences, webhook asked for by the notification itself: the union
        as(user).body(Map.of(
                        "webhook", Map.of("url", receiver.url(path)),
                        "channels", Map.of("alert", List.of("email", "in_app")),
                        "email", true))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200);
        long notification = released(pool, user, "normal", TestClock.current(), "webhook");
        long notReleased = notification(pool, user, "alert", "normal", null, null, "webhook");
        long expired = notification(
                pool,
                user,
                "alert",
                "normal",
                TestClock.current(),
                TestClock.current().minusSeconds(1),
                "webhook");

        deliver();
        deliver();

        List<Map<String, Object>> rows = deliveries(pool, notification);
        assertThat(rows).extracting(r -> r.get("channel")).containsExactly("email", "webhook");
        assertThat(rows)
                .extracting(r -> r.get("idempotency_key"))
                .containsExactly(notification + ":email", notification + ":webhook");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("sent", "sent");
        assertThat(rows).extracting(r -> r.get("attempts")).containsExactly(1, 1);
        assertThat(fannedOutAt(pool, notification)).isNotNull();
        assertThat(receiver.received(path)).hasSize(1);

        assertThat(deliveries(pool, notReleased)).isEmpty();
        assertThat(fannedOutAt(pool, notReleased)).isNull();
        assertThat(deliveries(pool, expired)).isEmpty();
        assertThat(fannedOutAt(pool, expired)).isNotNull();

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("BTC above 65000");
        assertThat(mails.get(0).getText()).contains("BTC crossed 65,000 USD").contains("symbol: BTC");
        Map<String, Object> mailDelivery = rows.get(0);
        assertThat(attempts(pool, (Long) mailDelivery.get("id")))
                .extracting(a -> a.get("status"))
                .containsExactly("sent");
    }

    @Test
    void shouldCreateNoDeliveryForChannelsTheUserDidNotConfigure() {
        long user = user(pool, "UTC");
        String email = DeliveryFixtures.email(pool, user);
        as(user).body(Map.of("email", false, "channels", Map.of("system", List.of("webhook", "email"))))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(false));
        long alert = released(pool, user, "high", TestClock.current(), "webhook", "email");
        long system = notification(pool, user, "system", "normal", TestClock.current(), null);

        deliver();

        assertThat(deliveries(pool, alert)).isEmpty();
        assertThat(deliveries(pool, system)).isEmpty();
        assertThat(fannedOutAt(pool, alert)).isNotNull();
        assertThat(fannedOutAt(pool, system)).isNotNull();
        assertThat(mailbox.getMailsSentTo(email)).isNullOrEmpty();
    }

    @Test
    void shouldTakeTheChannelsOfTheNotificationTypeFromThePreferences() {
        long user = user(pool, "UTC");
        String email = DeliveryFixtures.email(pool, user);
        as(user).body(Map.of("channels", Map.of("SYSTEM", List.of("email"))))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("channels.system", org.hamcrest.Matchers.contains("email"));
        long system = notification(pool, user, "system", "normal", TestClock.current(), null);
        long alert = released(pool, user, "high", TestClock.current());

        deliver();

        assertThat(deliveries(pool, system)).extracting(r -> r.get("channel")).containsExactly("email");
        assertThat(deliveries(pool, alert)).isEmpty();
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }

    private void deliver() {
        delivery.deliver().await().atMost(Duration.ofSeconds(60));
    }
}
