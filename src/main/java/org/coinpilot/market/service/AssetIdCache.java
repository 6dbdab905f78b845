package org.coinpilot.market.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/**
 * Symbol → id of the catalogue in memory (the quarkus-cache {@value #NAME}), so that a candle read is one database
 * round trip (the candles), not two.
 *
 * <p>Why no invalidation is needed: a symbol never changes once an asset exists (admin update ignores it, the
 * catalogue sync matches existing rows by CoinGecko id or symbol and never renames), and assets are deactivated,
 * never deleted; a deactivated asset still serves its candles, as before. Only found ids are kept, so an asset
 * created a moment ago is seen at once and unknown symbols cannot fill the cache. Entries still expire (30 s after
 * they were written, at most 10,000 of them: {@code quarkus.cache.caffeine."market-asset-ids".*}) to bound how long
 * an edit made by SQL outside the app could be missed.
 */
@ApplicationScoped
public class AssetIdCache {

    static final String NAME = "market-asset-ids";

    private final CaffeineCache ids;

    public AssetIdCache(@CacheName(NAME) Cache ids) {
        this.ids = ids.as(CaffeineCache.class);
    }

    /** The id of the asset with exactly this symbol, or null when not known here (ask the database). */
    public Long get(String symbol) {
        CompletableFuture<Object> id = ids.getIfPresent(symbol);
        return id == null ? null : (Long) id.getNow(null);
    }

    /** Remembers the id of an existing asset. */
    public void put(String symbol, long id) {
        ids.put(symbol, CompletableFuture.completedFuture(id));
    }
}
