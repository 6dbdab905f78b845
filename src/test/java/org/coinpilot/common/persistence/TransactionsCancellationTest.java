package org.coinpilot.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.coinpilot.common.test.LogCapture;
import org.coinpilot.common.test.Poll;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller that cancels while its unit of work is in flight (Quarkus REST does so when the client closes the
 * connection): the unit runs to its end — a unit that succeeds commits both of its rows, one that fails rolls both
 * back —, the cancelled subscriber gets nothing, nothing is logged as an ERROR by Mutiny, Hibernate or Vert.x (before
 * the fix: "Mutiny had to drop the following exception: ... HR000090"), and every pooled connection is back
 * afterwards. Each unit inserts a row, runs {@code pg_sleep} (the test cancels while the sleep runs, seen in
 * {@code pg_stat_activity}), then inserts a second row. A table of the test's own holds the rows. One case goes through
 * HTTP: a raw socket sends the request to {@link CancellationProbeResource} and closes during the sleep, as the load
 * generator does when it gives up on a request.
 */
@QuarkusTest
class TransactionsCancellationTest {

    static final String TABLE = "test_cancelled_units";
    static final List<String> CATEGORIES =
            List.of("io.quarkus.mutiny", "io.smallrye.mutiny", "org.hibernate", "io.vertx");

    @Inject
    Transactions tx;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int poolSize;

    @BeforeEach
    void createTable() {
        pool.query("CREATE TABLE IF NOT EXISTS " + TABLE + " (id TEXT PRIMARY KEY)")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @AfterEach
    void dropTable() {
        pool.query("DROP TABLE IF EXISTS " + TABLE).execute().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void shouldCommitTheWholeWriteAndLogNothingWhenItsCallerCancelsWhileItRuns() {
        shouldRunToTheEndWhenCancelledWhileSleeping(
                (marker, first, second, finished) -> tx.write(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("INSERT INTO " + TABLE + " (id) VALUES (:id)")
                                .setParameter("id", first)
                                .executeUpdate()
                                .chain(() ->
                                        session.createNativeQuery(sleep(marker)).getSingleResult())
                                .chain(() -> session.createNativeQuery("INSERT INTO " + TABLE + " (id) VALUES (:id)")
                                        .setParameter("id", second)
                                        .executeUpdate()))
                        .invoke(() -> finished.complete(null))),
                true);
    }

    @Test
    void shouldFinishTheReadAndLogNothingWhenItsCallerCancelsWhileItRuns() {
        shouldRunToTheEndWhenCancelledWhileSleeping(
                (marker, first, second, finished) -> tx.read(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(sleep(marker))
                                .getSingleResult()
                                .chain(() -> session.createNativeQuery("SELECT count(*) FROM " + TABLE)
                                        .getSingleResult()))
                        .invoke(() -> finished.complete(null))),
                false);
    }

    @Test
    void shouldCommitTheWholeSqlTransactionWhenItsCallerCancelsWhileItRuns() {
        shouldRunToTheEndWhenCancelledWhileSleeping(
                (marker, first, second, finished) -> tx.sql(connection -> insert(connection, first)
                        .chain(() -> connection.query(sleep(marker)).execute())
                        .chain(() -> insert(connection, second))
                        .invoke(() -> finished.complete(null))),
                true);
    }

    @Test
    void shouldRollBackTheWholeWriteAndLogNothingWhenItFailsAfterItsCallerCancelled() {
        String marker = marker();
        String first = UUID.randomUUID().toString();
        String taken = UUID.randomUUID().toString();
        insert(pool, taken).await().atMost(Duration.ofSeconds(10));
        CompletableFuture<Void> failed = new CompletableFuture<>();

        try (LogCapture log = LogCapture.install()) {
            Running<Integer> running = subscribeOnContext(() -> tx.write(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("INSERT INTO " + TABLE + " (id) VALUES (:id)")
                            .setParameter("id", first)
                            .executeUpdate()
                            .chain(() ->
                                    session.createNativeQuery(sleep(marker)).getSingleResult())
                            .chain(() -> session.createNativeQuery("INSERT INTO " + TABLE + " (id) VALUES (:id)")
                                    .setParameter("id", taken) // a duplicate key: the transaction fails
                                    .executeUpdate()))
                    .onFailure()
                    .invoke(() -> failed.complete(null))));
            awaitSleeping(marker);
            running.cancel();

            Poll.until("the abandoned unit failed", Duration.ofSeconds(15), failed::isDone);
            awaitAllConnectionsBack(marker);
            assertThat(running.outcome())
                    .as("a cancelled subscriber gets nothing")
                    .isNull();
            assertThat(rows(first))
                    .as("rolled back fully: the first row is gone too")
                    .isZero();
            assertThat(errors(log)).isEmpty();
        }
    }

    @Test
    void shouldCommitTheRequestsWriteAndLogNothingWhenItsClientDisconnectsWhileItRuns() throws IOException {
        String marker = marker();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        try (LogCapture log = LogCapture.install()) {
            try (Socket client = new Socket(base.getHost(), base.getPort())) {
                String request = "POST /test/transactions/slow-write?marker=" + marker + "&first=" + first + "&second="
                        + second + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n";
                client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                awaitSleeping(marker);
            } // the client goes away while the request's statement runs; Quarkus REST cancels the request's Uni

            Poll.until("the request's unit committed", Duration.ofSeconds(15), () -> rows(first) + rows(second) == 2);
            awaitAllConnectionsBack(marker);
            assertThat(errors(log)).isEmpty();
        }
    }

    @Test
    void shouldNotStartTheUnitWhenItsCallerCancelsBeforeItStarts() {
        String first = UUID.randomUUID().toString();
        AtomicBoolean started = new AtomicBoolean();
        CompletableFuture<Boolean> subscribed = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            tx.sql(connection -> {
                        started.set(true);
                        return insert(connection, first);
                    })
                    .subscribe()
                    .withSubscriber(new UniSubscriber<Integer>() {
                        @Override
                        public void onSubscribe(UniSubscription subscription) {
                            subscription.cancel();
                            subscribed.complete(true);
                        }

                        @Override
                        public void onItem(Integer item) {}

                        @Override
                        public void onFailure(Throwable failure) {}
                    });
        });
        assertThat(subscribed.join()).isTrue();
        awaitAllConnectionsBack("-");
        assertThat(started).as("the work never ran").isFalse();
        assertThat(rows(first)).isZero();
    }

    interface Unit {
        Uni<?> start(String marker, String first, String second, CompletableFuture<Void> finished);
    }

    private void shouldRunToTheEndWhenCancelledWhileSleeping(Unit unit, boolean writes) {
        String marker = marker();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        CompletableFuture<Void> finished = new CompletableFuture<>();

        try (LogCapture log = LogCapture.install()) {
            Running<?> running = subscribeOnContext(() -> unit.start(marker, first, second, finished));
            awaitSleeping(marker);
            running.cancel();

            Poll.until("the cancelled unit ran to its end", Duration.ofSeconds(15), finished::isDone);
            awaitAllConnectionsBack(marker);
            assertThat(running.outcome())
                    .as("a cancelled subscriber gets nothing")
                    .isNull();
            if (writes) {
                assertThat(rows(first) + rows(second))
                        .as("committed fully: both rows")
                        .isEqualTo(2);
            }
            assertThat(errors(log)).isEmpty();
        }
    }

    /** A unit subscribed on a duplicated context of its own, as a request's is, and how it ended, if it did. */
    record Running<T>(Context context, Cancellable subscription, AtomicReference<Object> outcomes) {

        void cancel() {
            CompletableFuture<Void> done = new CompletableFuture<>();
            context.runOnContext(ignored -> {
                subscription.cancel();
                done.complete(null);
            });
            done.join();
        }

        Object outcome() {
            return outcomes.get();
        }
    }

    private <T> Running<T> subscribeOnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        AtomicReference<Object> outcome = new AtomicReference<>();
        CompletableFuture<Cancellable> subscription = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            subscription.complete(work.get()
                    .subscribe()
                    .with(item -> outcome.set("item " + item), failure -> outcome.set("failure " + failure)));
        });
        return new Running<>(context, subscription.join(), outcome);
    }

    private static String marker() {
        return "cancel-" + UUID.randomUUID();
    }

    /** A statement that sleeps 2 s, recognisable in {@code pg_stat_activity} by {@code marker}. */
    static String sleep(String marker) {
        return "SELECT 1 FROM pg_sleep(2) /* " + marker + " */";
    }

    private static Uni<Integer> insert(SqlClient client, String id) {
        return client.preparedQuery("INSERT INTO " + TABLE + " (id) VALUES ($1)")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount());
    }

    private void awaitSleeping(String marker) {
        Poll.until("the unit sleeps", Duration.ofSeconds(10), () -> backends(marker, "active") > 0);
    }

    private long backends(String marker, String state) {
        return pool.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                        + " AND state = $1 AND query LIKE $2")
                .execute(Tuple.of(state, "%" + marker + "%"))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }

    private long rows(String id) {
        return pool.preparedQuery("SELECT count(*) FROM " + TABLE + " WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }

    /**
     * No backend is left in a transaction or still running the unit's statement, and the whole pool can be leased at
     * once (and handed back).
     */
    private void awaitAllConnectionsBack(String marker) {
        Poll.until(
                "no backend left in a transaction or running the unit",
                Duration.ofSeconds(10),
                () -> backends(marker, "active") == 0 && backends("", "idle in transaction") == 0);
        List<Uni<SqlConnection>> leases = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            leases.add(pool.getConnection());
        }
        List<SqlConnection> leased = Uni.join()
                .all(leases)
                .andCollectFailures()
                .call(connections -> Uni.join()
                        .all(connections.stream().map(SqlConnection::close).toList())
                        .andCollectFailures())
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(leased).hasSize(poolSize);
    }

    private static List<String> errors(LogCapture log) {
        return log.records().stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(r -> r.getLoggerName() != null && CATEGORIES.stream().anyMatch(r.getLoggerName()::startsWith))
                .map(TransactionsCancellationTest::describe)
                .toList();
    }

    private static String describe(LogRecord record) {
        return record.getLevel() + " " + record.getLoggerName() + ": " + LogCapture.message(record)
                + (record.getThrown() == null ? "" : " / " + record.getThrown());
    }
}
