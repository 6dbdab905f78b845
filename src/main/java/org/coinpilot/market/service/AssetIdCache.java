package org.coinpilot.market.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.coinpilot.market.config.MarketConfig;

/**
 * Symbol → id of the catalogue in memory, so that a candle read is one database round trip (the candles), not two.
 *
 * <p>Why no invalidation is needed: a symbol never changes once an asset exists (admin update ignores it, the
 * catalogue sync matches existing rows by CoinGecko id or symbol and never renames), and assets are deactivated,
 * never deleted; a deactivated asset still serves its candles, as before. Only found ids are kept, so an asset
 * created a moment ago is seen at once and unknown symbols cannot fill the map. Entries still expire after
 * {@code coinpilot.market.candles.cache.ttl} (default 30 s) to bound how long an edit made by SQL outside the app
 * could be missed. Independent of {@code coinpilot.market.candles.cache.enabled}, which governs candle caching.
 */
@ApplicationScoped
public class AssetIdCache {

    /** Far above any catalogue we sync (top N of CoinGecko); beyond it, lookups simply go to the database. */
    static final int MAX_ENTRIES = 10_000;

    private record Id(long id, long loadedAtMillis) {}

    private final ConcurrentHashMap<String, Id> ids = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final Clock clock;

    public AssetIdCache(MarketConfig config, Clock clock) {
        this.ttlMillis = config.candles().cache().ttl().toMillis();
        this.clock = clock;
    }

    /** The id of the asset with exactly this symbol, or null when not known here (ask the database). */
    public Long get(String symbol) {
        Id id = ids.get(symbol);
        if (id == null) {
            return null;
        }
        if (clock.millis() - id.loadedAtMillis() >= ttlMillis) {
            ids.remove(symbol, id);
            return null;
        }
        return id.id();
    }

    /** Remembers the id of an existing asset. */
    public void put(String symbol, long id) {
        if (ids.size() >= MAX_ENTRIES) {
            long now = clock.millis();
            ids.values().removeIf(entry -> now - entry.loadedAtMillis() >= ttlMillis);
            if (ids.size() >= MAX_ENTRIES) {
                return;
            }
        }
        ids.put(symbol, new Id(id, clock.millis()));
    }
}
