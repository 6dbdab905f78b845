package org.coinpilot.common.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a service opens a unit of work on the database (docs/architecture.md, "Data access"). Services call it;
 * repositories never do, and nothing else opens sessions, transactions or connections.
 *
 * <ul>
 *   <li>{@link #read} and {@link #write}: Panache repositories (aggregates), in the reactive session of the current
 *       Vert.x context; {@code write} in a transaction. Nested calls join the session and transaction already open.
 *   <li>{@link #sql}: a feature's SQL repository (set-based and hot paths) on one connection of the reactive pool, in
 *       one transaction that commits when the returned {@code Uni} succeeds and rolls back when it fails. The
 *       connection is handed to the repository methods; a nested {@code sql} call opens a connection of its own, so
 *       compose a use case's statements inside one call.
 *   <li>{@link #statement}: one SQL statement on its own (autocommit), e.g. a hot read; the pool picks the
 *       connection. Use {@link #sql} as soon as two statements must agree.
 *   <li>{@link #connection}: one pooled connection without a transaction, for work that must stay on one session of
 *       the database across statements that each commit alone (a job's advisory lock held while it runs).
 * </ul>
 *
 * <p>A Panache session and a pool connection are two connections: a use case that needs both kinds atomically keeps
 * to one kind (a SQL repository can do what an entity does), or orders its steps so that each commit is safe alone.
 * Work that throws before returning its {@code Uni} fails the returned {@code Uni} instead.
 *
 * <p><b>A unit of work that has started runs to its end</b> (commit or rollback, the session closed, the connection
 * back in the pool) even when its subscriber cancels, e.g. Quarkus REST cancelling the request's {@code Uni} because
 * the client closed the connection; its result, or its failure, is then discarded (a failure is logged at DEBUG).
 * Cancelled mid-flight, Panache's unit of work closed its session while a statement was still running on it: the
 * transaction was rolled back, but the statement's late failure was dropped and logged as an ERROR by Mutiny
 * ({@code HR000090: Live transaction detected while closing the connection}, {@code Session/EntityManager is
 * closed}), and the close raced the running operation on the session ({@code HHH000099 ... possible non-threadsafe
 * access to session}); quarkusio/quarkus#51576 reports that such a race can even leak the pooled connection. A unit of
 * work is short and already paid for when the client goes away, so finishing it is cheaper and safer than tearing it
 * down. A cancellation that arrives before the unit is subscribed still keeps it from starting, and every
 * subscription runs the work once (nothing is cached or shared between subscriptions). The work runs on the
 * subscriber's thread and Vert.x context, as before, so the Panache session stays bound to the duplicated context.
 * The same holds for every other cancellation, e.g. a job run cancelled by its timeout: the unit in flight finishes,
 * and the steps after it, not subscribed yet, never start.
 * ({@link #sql}, {@link #statement} and {@link #connection} already behaved so through the Vert.x Mutiny bindings,
 * which subscribe the work themselves; the same guard makes it a property of this class rather than of a binding.)
 */
@ApplicationScoped
public class Transactions {

    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in the Panache session of this context (opened when there is none), without a transaction. */
    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return toTheEnd(Panache.withSession(() -> Uni.createFrom().deferred(work::get)));
    }

    /** Runs {@code work} in the Panache session of this context, in a transaction (joined when one is open). */
    public <T> Uni<T> write(Supplier<Uni<T>> work) {
        return toTheEnd(Panache.withTransaction(() -> Uni.createFrom().deferred(work::get)));
    }

    /** Runs {@code work} on one pooled connection in one transaction; the connection goes back to the pool after. */
    public <T> Uni<T> sql(Function<SqlConnection, Uni<T>> work) {
        return toTheEnd(pool.withTransaction(connection -> Uni.createFrom().deferred(() -> work.apply(connection))));
    }

    /** Runs {@code work}, one SQL statement, on the pool itself: autocommit, on whichever connection is free. */
    public <T> Uni<T> statement(Function<SqlClient, Uni<T>> work) {
        return toTheEnd(Uni.createFrom().deferred(() -> work.apply(pool)));
    }

    /** Runs {@code work} on one pooled connection, each statement committing alone; the connection is returned after. */
    public <T> Uni<T> connection(Function<SqlConnection, Uni<T>> work) {
        return toTheEnd(pool.withConnection(connection -> Uni.createFrom().deferred(() -> work.apply(connection))));
    }

    /**
     * {@code unit}, shielded from its subscriber's cancellation once subscribed: each subscription subscribes
     * {@code unit} once, on the subscribing thread, and a cancellation then only detaches the subscriber (the unit goes
     * on to its commit or rollback and releases its session or connection; its outcome is discarded). A subscriber that
     * cancels before the unit is subscribed (during {@code onSubscribe}) keeps it from starting.
     */
    static <T> Uni<T> toTheEnd(Uni<T> unit) {
        return Uni.createFrom().deferred(() -> {
            AtomicBoolean abandoned = new AtomicBoolean();
            return Uni.createFrom()
                    .<T>emitter(emitter -> {
                        if (abandoned.get()) {
                            return; // cancelled before it started: nothing to finish
                        }
                        unit.subscribe().with(emitter.context(), emitter::complete, failure -> {
                            if (abandoned.get()) {
                                Log.debugf(
                                        failure,
                                        "a unit of work failed after its caller went away (discarded; its transaction, if any, rolled back): %s",
                                        failure);
                            } else {
                                emitter.fail(failure);
                            }
                        });
                    })
                    .onCancellation()
                    .invoke(() -> abandoned.set(true));
        });
    }

    /** Connections the reactive pool holds now (for health snapshots). */
    public int connections() {
        return pool.size();
    }
}
