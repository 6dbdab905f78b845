package org.coinpilot.market.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.persistence.CandleRepository.CandleRow;

/**
 * The newest candles of hot series in memory, for "latest N candles" reads.
 *
 * <p>Freshness: ingestion and import call {@link #invalidate} after each upsert statement has committed, so this
 * process never serves a series older than its own last write. A load that started before an invalidation is not
 * stored (per-series generation), so a slow read cannot put back what a write replaced. Writes made by another
 * replica are not seen until the entry expires: a series is at most {@code coinpilot.market.candles.cache.ttl}
 * old (default 30 s, below the 1 min ingestion interval). Symbol → id lookups are cached by {@link AssetIdCache}.
 */
@ApplicationScoped
public class HotCandleCache {

    record Key(long cryptoId, Timeframe timeframe) {}

    private record Entry(List<CandleRow> newest, long loadedAtMillis) {}

    private final ConcurrentHashMap<Key, Entry> series = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, AtomicLong> generations = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long ttlMillis;
    private final int size;
    private final int maxSeries;
    private final Clock clock;

    public HotCandleCache(MarketConfig config, Clock clock) {
        MarketConfig.Cache cache = config.candles().cache();
        this.enabled = cache.enabled();
        this.ttlMillis = cache.ttl().toMillis();
        this.size = cache.size();
        this.maxSeries = cache.maxSeries();
        this.clock = clock;
    }

    /** Whether a read of the newest {@code limit} candles can be served from here. */
    public boolean serves(int limit) {
        return enabled && limit <= size;
    }

    /** Candles kept per series. */
    public int size() {
        return size;
    }

    /** The newest {@code limit} candles, oldest first, or null when the series is not cached or expired. */
    public List<CandleRow> newest(long cryptoId, Timeframe timeframe, int limit) {
        Key key = new Key(cryptoId, timeframe);
        Entry entry = series.get(key);
        if (entry == null) {
            return null;
        }
        if (expired(entry.loadedAtMillis())) {
            series.remove(key, entry);
            return null;
        }
        List<CandleRow> rows = entry.newest();
        return rows.size() <= limit ? rows : rows.subList(rows.size() - limit, rows.size());
    }

    /** The series' generation: read it before loading, hand it to {@link #put}. */
    public long generation(long cryptoId, Timeframe timeframe) {
        return generations
                .computeIfAbsent(new Key(cryptoId, timeframe), k -> new AtomicLong())
                .get();
    }

    /**
     * Stores the newest candles of a series (oldest first; all of them when fewer than {@link #size()} exist),
     * unless the series was written since {@code generation} was read.
     */
    public void put(long cryptoId, Timeframe timeframe, long generation, List<CandleRow> ascending) {
        Key key = new Key(cryptoId, timeframe);
        if (!enabled || (series.size() >= maxSeries && !series.containsKey(key) && !evictExpired())) {
            return;
        }
        List<CandleRow> rows = List.copyOf(
                ascending.size() <= size ? ascending : ascending.subList(ascending.size() - size, ascending.size()));
        Entry entry = new Entry(rows, clock.millis());
        series.put(key, entry);
        if (generation(cryptoId, timeframe) != generation) {
            series.remove(key, entry); // a write came in meanwhile
        }
    }

    /** Forgets a series after candles of it were written (call once the write has committed). */
    public void invalidate(long cryptoId, Timeframe timeframe) {
        Key key = new Key(cryptoId, timeframe);
        generations.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        series.remove(key);
    }

    private boolean expired(long loadedAtMillis) {
        return clock.millis() - loadedAtMillis >= ttlMillis;
    }

    private boolean evictExpired() {
        series.entrySet().removeIf(e -> expired(e.getValue().loadedAtMillis()));
        return series.size() < maxSeries;
    }
}
