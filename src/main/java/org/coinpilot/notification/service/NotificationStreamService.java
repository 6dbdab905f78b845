package org.coinpilot.notification.service;

import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.UpstreamUnavailableException;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.config.NotificationStreamConfig;
import org.coinpilot.notification.domain.StreamLimitExceededException;
import org.coinpilot.notification.persistence.NotificationSqlRepository;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's live stream: registers it with {@link NotificationStreamRegistry} (which the LISTEN connection of
 * {@link NotificationListener} feeds), replays what was released after {@code Last-Event-ID}, sends a heartbeat
 * comment periodically, and ends the stream when the access token expires (the client reconnects with a fresh
 * token and its last event id, and misses nothing).
 */
@ApplicationScoped
public class NotificationStreamService {

    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final NotificationStreamRegistry registry;
    private final NotificationSqlRepository sql;
    private final NotificationStreamConfig config;
    private final CurrentUser currentUser;
    private final JsonWebToken token;
    private final Vertx vertx;
    private final Clock clock;
    private final Transactions tx;

    public NotificationStreamService(
            NotificationStreamRegistry registry,
            NotificationSqlRepository sql,
            NotificationStreamConfig config,
            CurrentUser currentUser,
            JsonWebToken token,
            Vertx vertx,
            Clock clock,
            Transactions tx) {
        this.tx = tx;
        this.registry = registry;
        this.sql = sql;
        this.config = config;
        this.currentUser = currentUser;
        this.token = token;
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * The stream of the caller's notifications.
     *
     * @param lastEventId the {@code Last-Event-ID} header: replay released, visible notifications with a larger id
     *     (the newest {@code replay-limit} of them), or null
     */
    public Multi<StreamEvent> stream(String lastEventId) {
        if (!config.enabled()) {
            throw new UpstreamUnavailableException("STREAM_DISABLED", "The live stream is disabled on this server.");
        }
        long userId = currentUser.userId();
        Long after = parseLastEventId(lastEventId);
        int max = config.maxConnectionsPerUser();
        if (registry.count(userId) >= max) {
            throw new StreamLimitExceededException(max);
        }
        long tokenExpiry = token.getExpirationTime();
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        return Multi.createFrom().emitter(emitter -> {
            NotificationStreamRegistry.Connection connection;
            try {
                connection = registry.open(userId, max, emitter, context);
            } catch (StreamLimitExceededException e) {
                emitter.fail(e);
                return;
            }
            long heartbeat = config.heartbeat().toMillis();
            long heartbeatTimer = vertx.setPeriodic(heartbeat, id -> connection.emit(StreamEvent.comment("heartbeat")));
            // SmallRye JWT checked the token's expiry against the system clock, so the stream ends by the same clock
            long untilExpiry = tokenExpiry * 1000 - System.currentTimeMillis();
            long expiryTimer =
                    tokenExpiry > 0 ? vertx.setTimer(Math.max(1, untilExpiry), id -> emitter.complete()) : -1;
            emitter.onTermination(() -> {
                vertx.cancelTimer(heartbeatTimer);
                if (expiryTimer >= 0) {
                    vertx.cancelTimer(expiryTimer);
                }
                registry.close(connection);
            });
            if (after == null) {
                connection.finishReplay(List.of());
                return;
            }
            // the stream is registered before the replay query runs, so nothing released meanwhile is lost
            tx.statement(client -> sql.findReplay(client, userId, after, Times.now(clock), config.replayLimit()))
                    .subscribe()
                    .with(
                            rows -> connection.finishReplay(rows.stream()
                                    .map(NotificationViews::response)
                                    .toList()),
                            connection::fail);
        });
    }

    static Long parseLastEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequestProblemException(LAST_EVENT_ID, "header", "must be the id of a notification event");
        }
    }
}
