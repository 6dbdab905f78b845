package org.coinpilot.market.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 *
 * <p>Pre-serialized pages: next to its candles an entry keeps the encoded JSON of the "latest {@code limit}" pages
 * read from it ({@link #page}), so that a hit does no JSON work. A page is built from the entry's own candles the
 * first time that limit is read after the entry was (re)filled, and lives and dies with the entry: an invalidation,
 * expiry, eviction or refill drops the entry and every page of it, so a page is never older than its candles.
 * Cached reads never carry indicators ({@code include=indicators} always reads the database), so the limit is the
 * whole page key. Bounded: at most {@link #MAX_PAGES_PER_SERIES} pages per series and {@link #MAX_PAGE_BYTES} of
 * pages in all; beyond that the page is encoded per request (still from memory).
 */
@ApplicationScoped
public class HotCandleCache {

    record Key(long cryptoId, Timeframe timeframe) {}

    /** Pages kept per series: the usual limits (the default 100, a chart's 500, …), not every value a client sends. */
    static final int MAX_PAGES_PER_SERIES = 4;

    /** Bytes of pre-serialized pages over all series (a 100-candle page is ≈ 20 kB). */
    static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

    /**
     * The newest candles of a series and the pages encoded from them. {@code pages} is written under the entry's
     * lock and only while the entry is live, so that {@link #retire} gives back exactly the bytes it holds.
     */
    private final class Entry {
        final List<CandleRow> newest;
        final long loadedAtMillis;
        final Map<Integer, byte[]> pages = new ConcurrentHashMap<>(MAX_PAGES_PER_SERIES);
        private long pageBytes;
        private boolean retired;

        Entry(List<CandleRow> newest, long loadedAtMillis) {
            this.newest = newest;
            this.loadedAtMillis = loadedAtMillis;
        }

        /** Keeps {@code page} for {@code limit} unless over a bound or retired; returns the page to serve. */
        synchronized byte[] keep(int limit, byte[] page) {
            byte[] kept = pages.get(limit);
            if (kept != null) {
                return kept;
            }
            if (retired || pages.size() >= MAX_PAGES_PER_SERIES) {
                return page;
            }
            if (allPageBytes.addAndGet(page.length) > MAX_PAGE_BYTES) {
                allPageBytes.addAndGet(-page.length); // over the byte bound: served, not kept
                return page;
            }
            pages.put(limit, page);
            pageBytes += page.length;
            return page;
        }

        /** Called once the entry is out of the map: its pages no longer count. */
        synchronized void retire() {
            if (!retired) {
                retired = true;
                allPageBytes.addAndGet(-pageBytes);
                pageBytes = 0;
                pages.clear();
            }
        }
    }

    private final AtomicLong allPageBytes = new AtomicLong();
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
        if (expired(entry.loadedAtMillis)) {
            remove(key, entry);
            return null;
        }
        return tail(entry.newest, limit);
    }

    /**
     * The encoded page of the newest {@code limit} candles (oldest first), or null when the series is not cached or
     * expired. Built with {@code encode} from the entry's candles the first time, then kept with the entry.
     */
    public byte[] page(long cryptoId, Timeframe timeframe, int limit, Function<List<CandleRow>, byte[]> encode) {
        Key key = new Key(cryptoId, timeframe);
        Entry entry = series.get(key);
        if (entry == null) {
            return null;
        }
        byte[] page = entry.pages.get(limit);
        if (expired(entry.loadedAtMillis)) {
            remove(key, entry);
            return null;
        }
        if (page != null) {
            return page;
        }
        return entry.keep(limit, encode.apply(tail(entry.newest, limit)));
    }

    /** Bytes of pages kept now, over all series. */
    long pageBytes() {
        return allPageBytes.get();
    }

    private static List<CandleRow> tail(List<CandleRow> rows, int limit) {
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
        Entry replaced = series.put(key, entry);
        if (replaced != null) {
            replaced.retire();
        }
        if (generation(cryptoId, timeframe) != generation) {
            remove(key, entry); // a write came in meanwhile
        }
    }

    /** Forgets a series after candles of it were written (call once the write has committed). */
    public void invalidate(long cryptoId, Timeframe timeframe) {
        Key key = new Key(cryptoId, timeframe);
        generations.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        Entry removed = series.remove(key);
        if (removed != null) {
            removed.retire();
        }
    }

    private void remove(Key key, Entry entry) {
        if (series.remove(key, entry)) {
            entry.retire();
        }
    }

    private boolean expired(long loadedAtMillis) {
        return clock.millis() - loadedAtMillis >= ttlMillis;
    }

    private boolean evictExpired() {
        for (Iterator<Map.Entry<Key, Entry>> it = series.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Entry> e = it.next();
            if (expired(e.getValue().loadedAtMillis)) {
                remove(e.getKey(), e.getValue());
            }
        }
        return series.size() < maxSeries;
    }
}
