package org.coinpilot.watchlist.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.coinpilot.common.time.Timeframe;

/**
 * The JSON of recent watchlist reads, per list and timeframe, in the quarkus-cache {@value #NAME} (Caffeine;
 * {@code quarkus.cache.caffeine."watchlist-answers".*}); docs/watchlists.md, "Enriched rows".
 *
 * <p>An answer is a function of the list as stored (its {@code version}, moved by every change to the list or its
 * entries), market's snapshots (whose {@code snapshotsGeneration} moves on every candle or indicator write of this
 * process) and the clock's second (ages and staleness are whole seconds). A kept answer is served only while all three
 * are what they were when it was built, so it is the answer a fresh build would give, except for what market's
 * snapshots themselves may lag (other replicas' candle writes, within their expiry).
 */
@ApplicationScoped
public class WatchlistAnswerCache {

    static final String NAME = "watchlist-answers";

    /** One list read on one timeframe. */
    record Key(long watchlistId, Timeframe timeframe) {}

    /** The JSON built at list {@code version}, market generation {@code market}, during clock second {@code second}. */
    record Answer(long version, long market, long second, byte[] json) {}

    private final CaffeineCache cache;

    public WatchlistAnswerCache(@CacheName(NAME) Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The kept JSON of {@code key} if it was built at exactly this version, market generation and second, else null. */
    byte[] get(Key key, long version, long market, long second) {
        CompletableFuture<Object> hit = cache.getIfPresent(key);
        if (hit == null || !hit.isDone() || hit.isCompletedExceptionally()) {
            return null;
        }
        Answer answer = (Answer) hit.getNow(null);
        return answer != null && answer.version() == version && answer.market() == market && answer.second() == second
                ? answer.json()
                : null;
    }

    /** Keeps an answer (replacing the key's previous one). */
    void put(Key key, Answer answer) {
        cache.put(key, CompletableFuture.completedFuture(answer));
    }
}
