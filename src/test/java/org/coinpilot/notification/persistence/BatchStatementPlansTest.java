package org.coinpilot.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.coinpilot.common.test.StalePlans;
import org.junit.jupiter.api.Test;

/**
 * The release and claim batches take one batch, also when the statistics were taken before a burst of rows (the
 * replicas' run: 100,000 alert notifications created within a minute of an ANALYZE of a near-empty table). With
 * {@code id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)} the generic plan was a nested loop that re-ran the locking
 * subquery for every outer row: it released every unsent notification instead of one batch, in time quadratic in the
 * backlog (a release of 100,000 ran for minutes, holding their row locks). The batch is now an array built once.
 */
@QuarkusTest
class BatchStatementPlansTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 6, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    Vertx vertx;

    @Test
    void shouldReleaseOneBatchWhenTheStatisticsPredateTheBacklog() {
        long released = StalePlans.run(
                vertx,
                "notifications",
                "INSERT INTO notifications (user_id, notification_type, title, message, sent_at)"
                        + " VALUES (1, 'system', 't', 'm', now())",
                "INSERT INTO notifications (user_id, notification_type, title, message)"
                        + " SELECT 1, 'alert', 't', 'm' FROM generate_series(1, 3000)",
                NotificationSqlRepository.RELEASE,
                Tuple.of(NOW, 500),
                "SELECT count(*) FROM notifications WHERE sent_at IS NOT NULL");

        assertThat(released - 1)
                .as("notifications released by one batch of 500")
                .isEqualTo(500);
    }

    @Test
    void shouldClaimOneBatchOfDeliveriesWhenTheStatisticsPredateTheBacklog() {
        long claimed = StalePlans.run(
                vertx,
                "notification_deliveries",
                "INSERT INTO notification_deliveries (notification_id, user_id, channel, idempotency_key, status)"
                        + " VALUES (1, 1, 'email', 'seed', 'sent')",
                "INSERT INTO notification_deliveries (notification_id, user_id, channel, idempotency_key, next_attempt_at)"
                        + " SELECT g, 1, 'email', 'k' || g, timestamptz '2026-12-05 05:00:00+00' FROM generate_series(1, 3000) g",
                DeliverySqlRepository.CLAIM,
                Tuple.of(NOW, NOW.plusMinutes(5), 500),
                "SELECT count(*) FROM notification_deliveries WHERE attempts > 0");

        assertThat(claimed).as("deliveries claimed by one batch of 500").isEqualTo(500);
    }
}
