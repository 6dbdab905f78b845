package org.coinpilot.ops.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.persistence.RequestStatsRepository;

/**
 * Counts the API's requests in memory and adds them to {@code api_request_stats} (docs/operations.md, "Request
 * statistics"): per 5-minute bucket, route template, method and status, the count, summed latency and a
 * {@link LatencyHistogram}. A request costs a few atomic increments, never a write; each replica flushes its own
 * counts every {@code coinpilot.ops.requests.flush-interval} (a Vert.x timer of the replica, not a job: a job runs on
 * one replica per schedule, but every replica holds counts) and at shutdown, in one statement that adds to the rows,
 * so the replicas' counts sum. Counters are swapped out under a write lock, so no request is counted twice or lost
 * between a swap and the flush; a failed flush puts its counts back. A process that dies loses at most one interval of
 * statistics.
 */
@ApplicationScoped
public class RequestStatsService {

    /** Width of a bucket of {@code api_request_stats}. */
    public static final Duration BUCKET = Duration.ofMinutes(5);

    private final RequestStatsRepository repository;
    private final Transactions tx;
    private final Clock clock;
    private final OpsConfig config;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<Key, Cell> cells = new ConcurrentHashMap<>();

    public RequestStatsService(RequestStatsRepository repository, Transactions tx, Clock clock, OpsConfig config) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }

    record Key(Instant bucket, String route, String method, int status) {}

    static final class Cell {
        final LongAdder requests = new LongAdder();
        final DoubleAdder latencyMs = new DoubleAdder();
        final AtomicLongArray buckets = new AtomicLongArray(LatencyHistogram.BUCKETS);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        long every = config.requests().flushInterval().toMillis();
        if (every > 0) {
            vertx.setPeriodic(
                    every,
                    every,
                    ignored -> flush().subscribe()
                            .with(rows -> Log.debugf("request statistics flushed: %d rows", rows), failure -> {}));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            flush().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("request statistics not flushed at shutdown: %s", e.getMessage());
        }
    }

    /** Counts one finished request. */
    public void record(String route, String method, int status, long nanos) {
        double millis = nanos / 1_000_000.0;
        Instant bucket = bucketOf(Times.now(clock));
        lock.readLock().lock();
        try {
            Cell cell = cells.computeIfAbsent(new Key(bucket, route, method, status), key -> new Cell());
            cell.requests.increment();
            cell.latencyMs.add(millis);
            cell.buckets.incrementAndGet(LatencyHistogram.bucket(millis));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The start of the bucket {@code at} falls in. */
    public static Instant bucketOf(Instant at) {
        long size = BUCKET.toSeconds();
        long seconds = at.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, size));
    }

    /** Adds this replica's pending counts to the table; returns the number of rows written. */
    public Uni<Integer> flush() {
        Map<Key, Cell> pending;
        lock.writeLock().lock();
        try {
            pending = cells;
            cells = new ConcurrentHashMap<>();
        } finally {
            lock.writeLock().unlock();
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<RequestStatsRepository.Row> rows = pending.entrySet().stream()
                .map(entry -> {
                    Key key = entry.getKey();
                    Cell cell = entry.getValue();
                    long[] buckets = new long[LatencyHistogram.BUCKETS];
                    for (int i = 0; i < buckets.length; i++) {
                        buckets[i] = cell.buckets.get(i);
                    }
                    return new RequestStatsRepository.Row(
                            key.bucket(),
                            key.route(),
                            key.method(),
                            key.status(),
                            cell.requests.sum(),
                            cell.latencyMs.sum(),
                            buckets);
                })
                .toList();
        return tx.statement(client -> repository.add(client, rows)).onFailure().invoke(failure -> {
            Log.warnf(
                    "request statistics flush failed (%s); the counts are kept for the next one", failure.getMessage());
            restore(pending);
        });
    }

    private void restore(Map<Key, Cell> pending) {
        lock.readLock().lock();
        try {
            pending.forEach((key, old) -> {
                Cell cell = cells.computeIfAbsent(key, k -> new Cell());
                cell.requests.add(old.requests.sum());
                cell.latencyMs.add(old.latencyMs.sum());
                for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
                    cell.buckets.addAndGet(i, old.buckets.get(i));
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }
}
