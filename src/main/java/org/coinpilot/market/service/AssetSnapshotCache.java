package org.coinpilot.market.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.persistence.MarketReadRepository.IndicatorRow;
import org.coinpilot.market.persistence.MarketReadRepository.QuoteRow;

/**
 * The rows behind {@link MarketReadService#snapshots} per asset, timeframe and high window, in the quarkus-cache
 * {@value #NAME} (Caffeine; {@code quarkus.cache.caffeine."market-asset-snapshots".*}). The rows, not the answer:
 * the quote's age and staleness are computed per request from the clock.
 *
 * <p>Freshness, as the candle cache ({@link HotCandleCache}): every candle write of this process (ingestion, import)
 * and every indicator store calls {@link #invalidate} for the asset once the statement has committed. That bumps the
 * asset's generation: an entry loaded at an older generation is never served again, and a load that started before
 * the write does not put its rows back (the generation is read before loading and checked when storing). Writes made
 * by another replica are seen once the entry expires ({@code expire-after-write}, 30 s by default, below the 1 min
 * ingestion interval); catalogue edits (name, active flag) likewise.
 */
@ApplicationScoped
public class AssetSnapshotCache {

    static final String NAME = "market-asset-snapshots";

    /** One asset's snapshot on one timeframe with the daily highs since {@code highWindowDays} days. */
    record Key(long cryptoId, Timeframe timeframe, long highWindowDays) {}

    /** The rows read for one asset at {@code generation}; any of them may be null (not stored). */
    record Rows(long generation, AssetRef asset, QuoteRow quote, IndicatorRow indicators, BigDecimal high) {}

    private final CaffeineCache cache;
    private final ConcurrentHashMap<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public AssetSnapshotCache(@CacheName(NAME) Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The asset's generation: read it before loading, hand it to {@link #put}. */
    long generation(long cryptoId) {
        return generations.computeIfAbsent(cryptoId, k -> new AtomicLong()).get();
    }

    /** The kept rows of the key if they are of the asset's current generation, else null. */
    Rows get(Key key) {
        CompletableFuture<Object> hit = cache.getIfPresent(key);
        if (hit == null || !hit.isDone() || hit.isCompletedExceptionally()) {
            return null;
        }
        Rows rows = (Rows) hit.getNow(null);
        return rows != null && rows.generation() == generation(key.cryptoId()) ? rows : null;
    }

    /** Keeps the rows unless the asset was written since their generation was read. */
    void put(Key key, Rows rows) {
        if (rows.generation() == generation(key.cryptoId())) {
            cache.put(key, CompletableFuture.completedFuture(rows));
        }
    }

    /** Forgets everything kept of the asset (call once a write of its candles or indicators has committed). */
    public void invalidate(long cryptoId) {
        generations.computeIfAbsent(cryptoId, k -> new AtomicLong()).incrementAndGet();
        changes.incrementAndGet();
    }

    /** A number that moves on every {@link #invalidate} of any asset (read it before building on snapshots). */
    long changes() {
        return changes.get();
    }
}
