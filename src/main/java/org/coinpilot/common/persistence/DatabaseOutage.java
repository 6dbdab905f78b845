package org.coinpilot.common.persistence;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * Notices that the database cannot be reached, and keeps an outage to two log lines: one when the first failure
 * arrives ("outage started", with its cause) and one when a probe connection succeeds again ("outage ended", with how
 * long it lasted and how many requests and job runs failed meanwhile). In between, failures are only counted: requests
 * are answered 503 with {@code Retry-After} ({@code common.problem.ProblemMappers}) and job runs end without a stack
 * trace ({@code common.job}), instead of one stack trace per failure.
 *
 * <p>A failure counts as "unreachable" when its cause chain holds a refused or lost connection (connect, route, name
 * resolution, a connection closed under a statement) or a PostgreSQL connection error (SQLSTATE class 08, or 57P01-03:
 * the server is shutting down or starting). Statement errors, constraint violations and timeouts are not outages.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** What failed while the database was unreachable. */
    public enum Failure {
        REQUEST,
        JOB
    }

    private final Vertx vertx;
    private final Pool pool;
    private final DatabaseConfig config;
    private volatile boolean active;
    private long requests;
    private long jobs;
    private long outages;
    private long startedNanos;
    private volatile boolean probing;

    public DatabaseOutage(Vertx vertx, Pool pool, DatabaseConfig config) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
    }

    /** Whether {@code failure} means the database cannot be reached (see the class comment). */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            String message = t.getMessage();
            if (message != null && t instanceof io.vertx.core.VertxException) {
                String lower = message.toLowerCase(Locale.ROOT);
                if (lower.contains("connection was closed") || lower.contains("connection might get lost")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Counts {@code failure} when it means the database is unreachable (and starts an outage at the first one).
     *
     * @return whether it did: the caller then answers or ends without logging it
     */
    public boolean record(Throwable failure, Failure kind) {
        if (!isUnreachable(failure)) {
            return false;
        }
        boolean started = false;
        synchronized (this) {
            if (kind == Failure.REQUEST) {
                requests++;
            } else {
                jobs++;
            }
            if (!active) {
                active = true;
                started = true;
                startedNanos = System.nanoTime();
                outages++;
            }
        }
        if (started) {
            Log.warnf(
                    "database outage started: %s; requests are answered 503 until a probe connection succeeds",
                    describe(failure));
            scheduleProbe();
        }
        return true;
    }

    /** Whether an outage is going on (a failure was recorded and no probe has succeeded since). */
    public boolean active() {
        return active;
    }

    /** How many outages started since the application did. */
    public synchronized long outages() {
        return outages;
    }

    /** The {@code Retry-After} value of a 503 during an outage, in seconds. */
    public long retryAfterSeconds() {
        Duration value = config.retryAfter();
        return Math.max(1, (value.toMillis() + 999) / 1000);
    }

    private void scheduleProbe() {
        if (probing) {
            return;
        }
        probing = true;
        vertx.setTimer(Math.max(10, config.probeInterval().toMillis()), id -> probe());
    }

    private void probe() {
        // a leased connection, not pool.query(): see PoolQueryTimerLeak
        pool.getConnection()
                .compose(connection -> connection.query("SELECT 1").execute().eventually(v -> connection.close()))
                .onComplete(result -> {
                    probing = false;
                    if (result.succeeded()) {
                        end();
                    } else {
                        Log.debugf("database outage: probe failed (%s)", describe(result.cause()));
                        scheduleProbe();
                    }
                });
    }

    private void end() {
        long failedRequests;
        long failedJobs;
        double seconds;
        synchronized (this) {
            failedRequests = requests;
            failedJobs = jobs;
            seconds = (System.nanoTime() - startedNanos) / 1e9;
            requests = 0;
            jobs = 0;
            active = false;
        }
        Log.infof(
                "database outage ended after %.1f s (%d requests failed, %d job runs failed)",
                seconds, failedRequests, failedJobs);
    }

    /** The innermost message of a failure, without its stack. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
