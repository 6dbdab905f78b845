package org.coinpilot.notification.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.config.NotificationStreamConfig;
import org.coinpilot.notification.persistence.NotificationSqlRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This replica's one LISTEN connection on {@code coinpilot_notifications} (a Vert.x {@link PgSubscriber} built
 * from the reactive datasource's URL, credentials and SSL mode). Whichever replica releases a notification
 * NOTIFYs its id; every replica receives it here and, when the owner has a stream open on it, loads the
 * notifications of its connected users in one query and pushes each to its owner's streams.
 *
 * <p>Started at start-up only when the stream is enabled and the HTTP server runs (not for the CLI's one-off
 * commands). The connection reconnects with exponential backoff; after a reconnection every open stream is
 * ended, so that clients reconnect with {@code Last-Event-ID} and get replayed what was released while the
 * connection was down. Nothing here blocks: the handlers run on the connection's event loop.
 */
@ApplicationScoped
public class NotificationListener {

    private final NotificationStreamRegistry registry;
    private final NotificationSqlRepository sql;
    private final Transactions tx;
    private final NotificationStreamConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> sslMode;
    private final boolean trustAll;
    private final boolean httpEnabled;

    private volatile PgSubscriber subscriber;
    private volatile boolean listening;
    private volatile boolean subscribedBefore;
    private volatile boolean stopped;

    public NotificationListener(
            NotificationStreamRegistry registry,
            NotificationSqlRepository sql,
            Transactions tx,
            NotificationStreamConfig config,
            Vertx vertx,
            Clock clock,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-all", defaultValue = "false") boolean trustAll,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean httpEnabled) {
        this.registry = registry;
        this.sql = sql;
        this.tx = tx;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.url = url;
        this.username = username;
        this.password = password;
        this.sslMode = sslMode;
        this.trustAll = trustAll;
        this.httpEnabled = httpEnabled;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || !httpEnabled) {
            Log.debug("notification stream disabled: no LISTEN connection");
            return;
        }
        if (url.isEmpty()) {
            Log.warn("notification stream: no reactive datasource URL, so no LISTEN connection");
            return;
        }
        PgSubscriber created = PgSubscriber.subscriber(vertx, connectOptions()).reconnectPolicy(this::reconnectDelay);
        created.channel(NotificationSqlRepository.CHANNEL)
                .subscribeHandler(v -> onSubscribed())
                .handler(this::onPayload);
        subscriber = created;
        connect(0);
    }

    /**
     * The first step of a graceful shutdown (pre-shutdown, {@code quarkus.shutdown.delay-enabled=true}), before the
     * HTTP server drains the requests in flight for up to {@code quarkus.shutdown.timeout}: open streams get their
     * {@code : shutdown} comment and end, so the drain does not wait for them.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        int ended = registry.shutdown();
        if (ended > 0) {
            Log.infof("shutdown: %d live stream(s) ended", ended);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        listening = false;
        registry.completeAll();
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close();
        }
    }

    /** Whether the LISTEN is in place (readiness of the cross-replica stream). */
    public boolean isListening() {
        PgSubscriber current = subscriber;
        return listening && current != null && current.actualConnection() != null;
    }

    private void connect(int attempt) {
        PgSubscriber current = subscriber;
        if (stopped || current == null) {
            return;
        }
        current.connect().onFailure(failure -> {
            long delay = backoff(attempt);
            Log.warnf(
                    "notification stream: LISTEN connection failed (%s); retrying in %d ms",
                    failure.getMessage(), delay);
            vertx.setTimer(delay, id -> connect(attempt + 1));
        });
    }

    /** Exponential backoff from the initial delay up to the maximum; never gives up. */
    long backoff(int attempt) {
        long initial = Math.max(1, config.reconnectInitialDelay().toMillis());
        long max = Math.max(initial, config.reconnectMaxDelay().toMillis());
        return Math.min(max, initial << Math.min(attempt, 20));
    }

    /** The subscriber's reconnection policy: attempt {@code attempt} (from 0) after a lost connection. */
    private Long reconnectDelay(int attempt) {
        listening = false;
        long delay = backoff(attempt);
        Log.warnf("notification stream: LISTEN connection lost; reconnect attempt %d in %d ms", attempt + 1, delay);
        return delay;
    }

    private void onSubscribed() {
        listening = true;
        if (subscribedBefore) {
            Log.info("notification stream: LISTEN connection re-established; open streams resume with Last-Event-ID");
            registry.completeAll();
        }
        subscribedBefore = true;
    }

    private void onPayload(String payload) {
        List<Long> users = registry.connectedUsers();
        if (users.isEmpty() || payload == null) {
            return;
        }
        List<Long> ids = parseIds(payload);
        if (ids.isEmpty()) {
            return;
        }
        tx.statement(client -> sql.findReleasedForUsers(client, ids, users, Times.now(clock)))
                .subscribe()
                .with(
                        rows -> rows.forEach(n -> registry.push(n.userId, NotificationViews.response(n))),
                        failure -> Log.warnf(
                                "notification stream: loading %d notifications failed: %s",
                                ids.size(), failure.getMessage()));
    }

    static List<Long> parseIds(String payload) {
        List<Long> ids = new ArrayList<>();
        for (String part : payload.split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                Log.debugf("notification stream: ignoring payload part '%s'", part);
            }
        }
        return ids;
    }

    private PgConnectOptions connectOptions() {
        String first = url.get().split(",")[0].strip().replaceFirst("^vertx-reactive:", "");
        PgConnectOptions options = PgConnectOptions.fromUri(first);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        sslMode.ifPresent(mode -> options.setSslMode(SslMode.of(mode.toLowerCase(java.util.Locale.ROOT))));
        if (trustAll) {
            options.setTrustAll(true);
        }
        options.setReconnectAttempts(0);
        return options;
    }
}
