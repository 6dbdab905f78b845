package org.coinpilot.common.persistence;

import io.quarkus.logging.Log;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works around a bug of the reactive SQL client (vertx-sql-client 4.5.27, the version of Quarkus 3.33; reported as
 * eclipse-vertx/vertx-sql-client#1706, open): {@code Pool#query(..).execute()} and {@code Pool#preparedQuery(..)}
 * arm a timer of the pool's connection timeout for every statement and cancel it only when a connection was acquired.
 * When acquiring fails (the database refuses connections), the statement fails at once, but its timer still fires
 * later and fails the already-failed result: {@code IllegalStateException: Result is already complete}, reported with
 * a stack trace by Vert.x's uncaught-exception handler, once per statement that failed, one connection timeout (30 s
 * by default) after it. That was the flood after every outage. A leased connection ({@code pool.getConnection()}, what
 * Hibernate Reactive and {@code Transactions.sql} use) cancels its timer properly.
 *
 * <p>The timer's second failure has no effect besides the exception (the caller got the first one), so this bean
 * discards exactly that exception (an {@code IllegalStateException} "Result is already complete" thrown from
 * {@code SqlConnectionPool}) before Vert.x's handler logs it, and counts it; every other uncaught exception still goes
 * to the handler Quarkus installed. It also creates the pool (Quarkus' {@link PgPoolCreator} hook, same options) so
 * that the connection timeout is a setting: {@code coinpilot.database.pool-wait-timeout}. Remove the filter once the
 * client cancels the timer itself.
 */
@ApplicationScoped
public class PoolQueryTimerLeak implements PgPoolCreator {

    private final DatabaseConfig config;
    private final AtomicLong discarded = new AtomicLong();

    public PoolQueryTimerLeak(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = input.poolOptions();
        options.setConnectionTimeout((int) Math.max(1, config.poolWaitTimeout().toMillis()));
        options.setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), options);
    }

    void install(@Observes StartupEvent event, Vertx vertx) {
        Handler<Throwable> previous = vertx.exceptionHandler();
        vertx.exceptionHandler(failure -> {
            if (isLeakedTimer(failure)) {
                long count = discarded.incrementAndGet();
                Log.debugf("discarded the late pool timeout of a statement that had already failed (%d so far)", count);
            } else if (previous != null) {
                previous.handle(failure);
            } else {
                Log.error("Uncaught exception received by Vert.x", failure);
            }
        });
    }

    /** How many late pool timeouts were discarded since start-up. */
    public long discarded() {
        return discarded.get();
    }

    static boolean isLeakedTimer(Throwable failure) {
        if (!(failure instanceof IllegalStateException) || !"Result is already complete".equals(failure.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return true;
            }
        }
        return false;
    }
}
