package org.coinpilot.notification.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.api.BroadcastRequest;
import org.coinpilot.notification.api.BroadcastResponse;
import org.coinpilot.notification.domain.BroadcastAudience;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.persistence.NotificationSqlRepository;

/**
 * Admin broadcast of a {@code system} notification: one {@code INSERT … SELECT} writes a row per recipient with
 * the idempotency key {@code broadcast:<broadcastId>:<userId>}, so a retried request carrying the same
 * {@code Idempotency-Key} creates nothing twice. Due rows are then released at once (live stream, delivery),
 * without waiting for the release job.
 */
@ApplicationScoped
public class NotificationBroadcastService {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** What an Idempotency-Key may be: it becomes part of each row's idempotency key (varchar 200). */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final NotificationSqlRepository sql;
    private final NotificationReleaseService release;
    private final AuditTrail audit;
    private final Clock clock;
    private final Transactions tx;

    public NotificationBroadcastService(
            NotificationSqlRepository sql,
            NotificationReleaseService release,
            AuditTrail audit,
            Clock clock,
            Transactions tx) {
        this.tx = tx;
        this.sql = sql;
        this.release = release;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<BroadcastResponse> broadcast(BroadcastRequest request, String idempotencyKey) {
        Instant now = Times.now(clock);
        String broadcastId = broadcastId(idempotencyKey);
        Instant scheduledFor = Times.micros(request.scheduledFor());
        Instant expiresAt = Times.micros(request.expiresAt());
        if (scheduledFor != null && scheduledFor.isBefore(now)) {
            throw new BadRequestProblemException("scheduledFor", "body", "must not be in the past");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new BadRequestProblemException("expiresAt", "body", "must be in the future");
        }
        if (expiresAt != null && scheduledFor != null && !expiresAt.isAfter(scheduledFor)) {
            throw new BadRequestProblemException("expiresAt", "body", "must be after scheduledFor");
        }
        BroadcastAudience audience = request.audience() == null ? BroadcastAudience.ALL : request.audience();
        NotificationPriority priority = request.priority() == null ? NotificationPriority.NORMAL : request.priority();
        var rows = new NotificationSqlRepository.BroadcastRows(
                broadcastId,
                request.title().strip(),
                request.message().strip(),
                priority,
                scheduledFor,
                expiresAt,
                audience.role(),
                now);
        return tx.statement(client -> sql.insertBroadcast(client, rows))
                .call(created -> created == 0
                        ? Uni.createFrom().voidItem()
                        : tx.write(() -> audit.record(
                                "notification_broadcast",
                                "notification",
                                null,
                                "create",
                                Map.of("broadcastId", broadcastId, "created", created, "audience", audience.name()))))
                .invoke(created ->
                        Log.infof("broadcast %s to %s: %d notifications created", broadcastId, audience, created))
                .call(created -> created == 0 || scheduledFor != null && scheduledFor.isAfter(now)
                        ? Uni.createFrom().voidItem()
                        : release.release()
                                .onFailure()
                                .invoke(e -> Log.warnf(
                                        e,
                                        "broadcast %s: immediate release failed; the release job retries",
                                        broadcastId))
                                .onFailure()
                                .recoverWithNull()
                                .replaceWithVoid())
                .map(created -> new BroadcastResponse(broadcastId, created));
    }

    static String broadcastId(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new BadRequestProblemException(
                    IDEMPOTENCY_HEADER, "header", "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
        }
        return idempotencyKey;
    }
}
