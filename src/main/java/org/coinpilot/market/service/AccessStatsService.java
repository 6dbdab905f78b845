package org.coinpilot.market.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.persistence.CandleRepository;

/**
 * Read statistics of the catalogue ({@code access_count}, {@code timeframe_usage}, {@code last_accessed_at})
 * without a write per read: reads bump in-memory counters, and {@code market.access-stats.flush} adds them to the
 * rows in one statement. Counters are swapped out under a write lock, so no read is counted twice or lost
 * between a swap and the flush; a failed flush puts its counts back. Counts of a process that dies before its
 * next flush are lost (at most one flush interval of statistics, never data).
 */
@ApplicationScoped
public class AccessStatsService {

    private final CandleRepository repository;
    private final Clock clock;
    private final Transactions tx;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<Long, Counter> counters = new ConcurrentHashMap<>();

    public AccessStatsService(CandleRepository repository, Clock clock, Transactions tx) {
        this.tx = tx;
        this.repository = repository;
        this.clock = clock;
    }

    static final class Counter {
        final LongAdder reads = new LongAdder();
        final Map<String, LongAdder> byTimeframe = new ConcurrentHashMap<>();
        volatile Instant last;
    }

    /** Counts one read of an asset ({@code timeframe} null for a catalogue read). */
    public void record(long cryptoId, Timeframe timeframe) {
        Instant now = Times.now(clock);
        lock.readLock().lock();
        try {
            Counter counter = counters.computeIfAbsent(cryptoId, id -> new Counter());
            counter.reads.increment();
            if (timeframe != null) {
                counter.byTimeframe
                        .computeIfAbsent(timeframe.code(), code -> new LongAdder())
                        .increment();
            }
            counter.last = now;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the pending counters to the database; returns the number of assets updated. */
    public Uni<Integer> flush() {
        Map<Long, Counter> pending;
        lock.writeLock().lock();
        try {
            pending = counters;
            counters = new ConcurrentHashMap<>();
        } finally {
            lock.writeLock().unlock();
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = pending.size();
        Long[] ids = new Long[n];
        Long[] counts = new Long[n];
        OffsetDateTime[] last = new OffsetDateTime[n];
        String[] usage = new String[n];
        int i = 0;
        for (Map.Entry<Long, Counter> entry : pending.entrySet()) {
            Counter counter = entry.getValue();
            ids[i] = entry.getKey();
            counts[i] = counter.reads.sum();
            last[i] = OffsetDateTime.ofInstant(counter.last, ZoneOffset.UTC);
            JsonObject json = new JsonObject();
            counter.byTimeframe.forEach((code, adder) -> json.put(code, adder.sum()));
            usage[i] = json.encode();
            i++;
        }
        return tx.statement(client -> repository.addAccessStats(client, ids, counts, last, usage))
                .onFailure()
                .invoke(failure -> {
                    Log.warnf(failure, "access statistics flush failed; the counts are kept for the next one");
                    restore(pending);
                });
    }

    private void restore(Map<Long, Counter> pending) {
        lock.readLock().lock();
        try {
            pending.forEach((id, old) -> {
                Counter counter = counters.computeIfAbsent(id, key -> new Counter());
                counter.reads.add(old.reads.sum());
                old.byTimeframe.forEach((code, adder) -> counter.byTimeframe
                        .computeIfAbsent(code, key -> new LongAdder())
                        .add(adder.sum()));
                if (counter.last == null || counter.last.isBefore(old.last)) {
                    counter.last = old.last;
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }
}
