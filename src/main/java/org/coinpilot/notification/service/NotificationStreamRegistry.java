package org.coinpilot.notification.service;

import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.coinpilot.notification.api.NotificationResponse;
import org.coinpilot.notification.domain.StreamLimitExceededException;

/**
 * The live streams open on this replica, per user (several per user, up to a cap). Pushing a notification writes
 * it to its owner's streams only. Each stream emits on the Vert.x context of its own HTTP request, so pushes from
 * the LISTEN connection's event loop never touch another connection's thread.
 */
@ApplicationScoped
public class NotificationStreamRegistry {

    private final Map<Long, List<Connection>> byUser = new ConcurrentHashMap<>();

    /**
     * Registers a stream of {@code userId}. It starts in replay mode: live notifications are held until
     * {@link Connection#finishReplay(List)}.
     *
     * @throws StreamLimitExceededException when the user already holds {@code maxPerUser} streams here
     */
    public Connection open(long userId, int maxPerUser, MultiEmitter<? super StreamEvent> emitter, Context context) {
        Connection connection = new Connection(userId, emitter, context);
        byUser.compute(userId, (id, list) -> {
            List<Connection> connections = list == null ? new CopyOnWriteArrayList<>() : list;
            if (connections.size() >= maxPerUser) {
                throw new StreamLimitExceededException(maxPerUser);
            }
            connections.add(connection);
            return connections;
        });
        return connection;
    }

    /** Open streams of {@code userId} on this replica. */
    public int count(long userId) {
        List<Connection> connections = byUser.get(userId);
        return connections == null ? 0 : connections.size();
    }

    void close(Connection connection) {
        byUser.computeIfPresent(connection.userId, (id, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
    }

    /** The users with at least one open stream here. */
    public List<Long> connectedUsers() {
        return new ArrayList<>(byUser.keySet());
    }

    /** Writes the notification to its owner's open streams (none: nothing happens). */
    public void push(long userId, NotificationResponse notification) {
        List<Connection> connections = byUser.get(userId);
        if (connections != null) {
            connections.forEach(connection -> connection.send(notification));
        }
    }

    /** Ends every open stream (clients reconnect with Last-Event-ID and get what they missed replayed). */
    public void completeAll() {
        byUser.values().forEach(list -> list.forEach(Connection::complete));
    }

    /**
     * Shutdown: writes the {@code shutdown} comment on every open stream, then ends it, so that the HTTP drain does not
     * wait for streams that would never end by themselves, and clients reconnect (with {@code Last-Event-ID}) to another
     * replica at once. Streams opened after this still work until the listener stops.
     *
     * @return how many streams were ended
     */
    public int shutdown() {
        int[] count = {0};
        byUser.values()
                .forEach(list -> list.forEach(connection -> {
                    connection.emit(StreamEvent.comment(StreamEvent.SHUTDOWN));
                    connection.complete();
                    count[0]++;
                }));
        return count[0];
    }

    /** One open stream. */
    public static final class Connection {

        private final long userId;
        private final MultiEmitter<? super StreamEvent> emitter;
        private final Context context;
        private final Set<Long> replayed = new HashSet<>();
        private List<NotificationResponse> held = new ArrayList<>();
        private boolean replaying = true;

        Connection(long userId, MultiEmitter<? super StreamEvent> emitter, Context context) {
            this.userId = userId;
            this.emitter = emitter;
            this.context = context;
        }

        public long userId() {
            return userId;
        }

        /** A live notification: held while the replay runs, skipped when the replay already sent it. */
        synchronized void send(NotificationResponse notification) {
            if (replaying) {
                held.add(notification);
            } else if (!replayed.contains(notification.id())) {
                emit(StreamEvent.of(notification));
            }
        }

        /** Sends the replayed notifications, then the {@code connected} comment, then what arrived meanwhile. */
        public synchronized void finishReplay(List<NotificationResponse> replay) {
            for (NotificationResponse notification : replay) {
                replayed.add(notification.id());
                emit(StreamEvent.of(notification));
            }
            emit(StreamEvent.comment("connected"));
            for (NotificationResponse notification : held) {
                if (replayed.add(notification.id())) {
                    emit(StreamEvent.of(notification));
                }
            }
            held = List.of();
            replaying = false;
        }

        public void emit(StreamEvent event) {
            context.runOnContext(ignored -> {
                if (!emitter.isCancelled()) {
                    emitter.emit(event);
                }
            });
        }

        public void fail(Throwable failure) {
            context.runOnContext(ignored -> emitter.fail(failure));
        }

        void complete() {
            context.runOnContext(ignored -> emitter.complete());
        }
    }
}
