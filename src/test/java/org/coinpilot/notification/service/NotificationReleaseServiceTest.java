package org.coinpilot.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.notification.api.NotificationTestData;
import org.coinpilot.notification.persistence.NotificationSqlRepository;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@QuarkusTest
class NotificationReleaseServiceTest {

    @Inject
    Pool pool;

    @Inject
    NotificationReleaseService release;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldReleaseOnlyDueUnexpiredNotificationsAndNotifyTheirIdsWhenRun() throws Exception {
        long user = NotificationTestData.user(pool);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestClock.set(now);
        Instant earlier = now.minus(Duration.ofMinutes(5));
        long immediate = NotificationTestData.notification(user).insert(pool);
        long dueNow = NotificationTestData.notification(user).scheduledFor(now).insert(pool);
        long duePast =
                NotificationTestData.notification(user).scheduledFor(earlier).insert(pool);
        long future = NotificationTestData.notification(user)
                .scheduledFor(now.plus(Duration.ofMinutes(5)))
                .insert(pool);
        long expired = NotificationTestData.notification(user).expiresAt(now).insert(pool);
        long alreadySent =
                NotificationTestData.notification(user).sentAt(earlier).insert(pool);

        try (Connection listen = listenConnection()) {
            NotificationReleaseService.Released result =
                    release.release().await().atMost(Duration.ofSeconds(10));
            assertThat(result.released()).isGreaterThanOrEqualTo(3);

            assertThat(sentAt(immediate)).isEqualTo(now);
            assertThat(sentAt(dueNow)).isEqualTo(now);
            assertThat(sentAt(duePast)).isEqualTo(now);
            assertThat(sentAt(future)).as("not due yet").isNull();
            assertThat(sentAt(expired)).as("expired before release: never sent").isNull();
            assertThat(sentAt(alreadySent)).isEqualTo(earlier);

            Set<Long> notified = notifiedIds(listen, Duration.ofSeconds(5), Set.of(immediate, dueNow, duePast));
            assertThat(notified).contains(immediate, dueNow, duePast).doesNotContain(future, expired, alreadySent);
        }

        // due later: released by a later run; the expired one never
        TestClock.set(now.plus(Duration.ofMinutes(10)));
        release.release().await().atMost(Duration.ofSeconds(10));
        assertThat(sentAt(future)).isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(sentAt(expired)).isNull();
        assertThat(release.release().await().atMost(Duration.ofSeconds(10)).released())
                .as("nothing left")
                .isZero();
    }

    @Test
    void shouldSplitNotifyPayloadsUnder8000BytesWhenManyIdsAreReleased() {
        List<Long> ids = LongStream.range(0, 2000)
                .map(i -> 1_000_000_000_000_000L + i)
                .boxed()
                .toList();
        List<String> payloads = NotificationSqlRepository.payloads(ids);
        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads)
                .allSatisfy(payload -> assertThat(payload.getBytes().length).isLessThan(8000));
        List<Long> joined = new ArrayList<>();
        payloads.forEach(
                payload -> Arrays.stream(payload.split(",")).map(Long::valueOf).forEach(joined::add));
        assertThat(joined).isEqualTo(ids);
        assertThat(NotificationSqlRepository.payloads(List.of())).isEmpty();
    }

    private Instant sentAt(long id) {
        Object value = NotificationTestData.column(pool, id, "sent_at");
        return value == null ? null : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static Connection listenConnection() throws Exception {
        var config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + NotificationSqlRepository.CHANNEL);
        }
        return connection;
    }

    /** Ids received on the channel until {@code expected} are all in, or {@code timeout}. */
    private static Set<Long> notifiedIds(Connection connection, Duration timeout, Set<Long> expected) throws Exception {
        Set<Long> ids = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!ids.containsAll(expected) && System.nanoTime() < deadline) {
            PGNotification[] notifications = pg.getNotifications(200);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    assertThat(notification.getName()).isEqualTo(NotificationSqlRepository.CHANNEL);
                    for (String id : notification.getParameter().split(",")) {
                        ids.add(Long.valueOf(id));
                    }
                }
            }
        }
        return ids;
    }
}
