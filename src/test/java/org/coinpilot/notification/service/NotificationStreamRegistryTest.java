package org.coinpilot.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.coinpilot.notification.api.NotificationResponse;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.domain.NotificationStatus;
import org.coinpilot.notification.domain.NotificationType;
import org.coinpilot.notification.domain.StreamLimitExceededException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-user registry of open streams, without Quarkus: replay hand-over, de-duplication, routing, the cap. */
class NotificationStreamRegistryTest {

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final NotificationStreamRegistry registry = new NotificationStreamRegistry();

    @AfterEach
    void close() {
        vertx.close();
    }

    private record Opened(NotificationStreamRegistry.Connection connection, AssertSubscriber<StreamEvent> events) {}

    private Opened open(long userId) {
        AtomicReference<NotificationStreamRegistry.Connection> connection = new AtomicReference<>();
        AssertSubscriber<StreamEvent> events = Multi.createFrom()
                .<StreamEvent>emitter(emitter -> {
                    NotificationStreamRegistry.Connection opened = registry.open(userId, 2, emitter, context);
                    connection.set(opened);
                    emitter.onTermination(() -> registry.close(opened));
                })
                .subscribe()
                .withSubscriber(AssertSubscriber.create(100));
        return new Opened(connection.get(), events);
    }

    private static NotificationResponse notification(long id) {
        return new NotificationResponse(
                id,
                NotificationType.ALERT,
                "t" + id,
                "m",
                null,
                NotificationStatus.UNREAD,
                NotificationPriority.NORMAL,
                null,
                List.of(),
                Instant.EPOCH,
                null,
                Instant.EPOCH,
                null,
                null);
    }

    private static List<String> describe(List<StreamEvent> events) {
        return events.stream()
                .map(e -> e.isComment()
                        ? ":" + e.comment()
                        : Long.toString(e.notification().id()))
                .toList();
    }

    @Test
    void shouldHoldLiveNotificationsDuringTheReplayAndSendEachOnceWhenTheReplayEnds() {
        Opened alice = open(7);
        registry.push(7, notification(5)); // released while the replay query runs, also found by it
        registry.push(7, notification(6)); // released while the replay query runs, not found by it
        alice.connection().finishReplay(List.of(notification(3), notification(5)));
        registry.push(7, notification(5)); // its NOTIFY arrives late: already sent
        registry.push(7, notification(8));

        alice.events().awaitItems(5, Duration.ofSeconds(5));
        assertThat(describe(alice.events().getItems())).containsExactly("3", "5", ":connected", "6", "8");
    }

    @Test
    void shouldPushOnlyToTheOwnersStreamsWhenSeveralUsersAreConnected() {
        Opened alice = open(7);
        Opened aliceTab = open(7);
        Opened bob = open(9);
        List.of(alice, aliceTab, bob).forEach(o -> o.connection().finishReplay(List.of()));

        registry.push(9, notification(20));
        registry.push(7, notification(21));
        registry.push(42, notification(22)); // nobody connected

        alice.events().awaitItems(2, Duration.ofSeconds(5));
        aliceTab.events().awaitItems(2, Duration.ofSeconds(5));
        bob.events().awaitItems(2, Duration.ofSeconds(5));
        assertThat(describe(alice.events().getItems())).containsExactly(":connected", "21");
        assertThat(describe(aliceTab.events().getItems())).containsExactly(":connected", "21");
        assertThat(describe(bob.events().getItems())).containsExactly(":connected", "20");
        assertThat(registry.connectedUsers()).containsExactlyInAnyOrder(7L, 9L);
    }

    @Test
    void shouldRefuseAStreamOverTheCapAndFreeThePlaceWhenOneCloses() {
        Opened first = open(7);
        open(7);
        open(7).events().assertFailedWith(StreamLimitExceededException.class);
        assertThat(registry.count(7)).isEqualTo(2);

        first.events().cancel();
        assertThat(registry.count(7)).isEqualTo(1);
        open(7);
        assertThat(registry.count(7)).isEqualTo(2);
    }

    @Test
    void shouldEndEveryStreamWithTheShutdownCommentWhenTheReplicaShutsDown() {
        Opened alice = open(7);
        Opened bob = open(9);
        List.of(alice, bob).forEach(o -> o.connection().finishReplay(List.of()));

        assertThat(registry.shutdown()).isEqualTo(2);

        alice.events().awaitCompletion(Duration.ofSeconds(5));
        bob.events().awaitCompletion(Duration.ofSeconds(5));
        assertThat(describe(alice.events().getItems())).containsExactly(":connected", ":shutdown");
        assertThat(describe(bob.events().getItems())).containsExactly(":connected", ":shutdown");
        // a stream leaves the registry in its termination callback, which may run just after its subscriber saw the end
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(registry.connectedUsers()).isEmpty());
    }
}
