package org.coinpilot.notification.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.config.NotificationReleaseConfig;
import org.coinpilot.notification.persistence.NotificationSqlRepository;

/**
 * Releases due notifications: sets {@code sent_at} on those whose {@code scheduled_for} is reached (or absent) and
 * that have not expired, and publishes their ids on the PostgreSQL channel {@code coinpilot_notifications} in the
 * same transaction, so that every replica pushes them to its connected live streams once the release commits.
 * Released notifications are what the delivery job fans out to webhook and email.
 *
 * <p>A notification that expires before it is released is never released: it keeps {@code sent_at} null, is
 * never streamed or delivered, and is hidden from its owner like every expired one.
 */
@ApplicationScoped
public class NotificationReleaseService {

    private final NotificationSqlRepository sql;
    private final NotificationReleaseConfig config;
    private final Clock clock;
    private final Transactions tx;

    public NotificationReleaseService(
            NotificationSqlRepository sql, NotificationReleaseConfig config, Clock clock, Transactions tx) {
        this.tx = tx;
        this.sql = sql;
        this.config = config;
        this.clock = clock;
    }

    /** What one run released. */
    public record Released(int released, int batches) {}

    /** Releases everything due now, one batch per transaction, up to the configured number of batches. */
    public Uni<Released> release() {
        return batches(Times.now(clock), 0, 0);
    }

    private Uni<Released> batches(Instant now, int done, int total) {
        int size = config.batchSize();
        return tx.sql(connection -> sql.releaseBatch(connection, now, size)).chain(ids -> {
            int released = total + ids.size();
            int batches = done + 1;
            if (ids.size() < size || batches >= config.maxBatches()) {
                if (released > 0) {
                    Log.debugf("released %d notifications in %d batches", released, batches);
                }
                return Uni.createFrom().item(new Released(released, batches));
            }
            return batches(now, batches, released);
        });
    }
}
