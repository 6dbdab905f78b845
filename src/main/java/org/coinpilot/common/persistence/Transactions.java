package org.coinpilot.common.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
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
 */
@ApplicationScoped
public class Transactions {

    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in the Panache session of this context (opened when there is none), without a transaction. */
    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Panache.withSession(() -> Uni.createFrom().deferred(work::get));
    }

    /** Runs {@code work} in the Panache session of this context, in a transaction (joined when one is open). */
    public <T> Uni<T> write(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Uni.createFrom().deferred(work::get));
    }

    /** Runs {@code work} on one pooled connection in one transaction; the connection goes back to the pool after. */
    public <T> Uni<T> sql(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> Uni.createFrom().deferred(() -> work.apply(connection)));
    }

    /** Runs {@code work}, one SQL statement, on the pool itself: autocommit, on whichever connection is free. */
    public <T> Uni<T> statement(Function<SqlClient, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> work.apply(pool));
    }

    /** Runs {@code work} on one pooled connection, each statement committing alone; the connection is returned after. */
    public <T> Uni<T> connection(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(connection -> Uni.createFrom().deferred(() -> work.apply(connection)));
    }

    /** Connections the reactive pool holds now (for health snapshots). */
    public int connections() {
        return pool.size();
    }
}
