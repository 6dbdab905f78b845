package org.coinpilot.watchlist.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.coinpilot.common.time.Timeframe;

/**
 * The JSON of recent watchlist reads, per list and timeframe, in the quarkus-cache {@value #NAME} (Caffeine;
 * {@code quarkus.cache.caffeine."watchlist-answers".*}); docs/watchlists.md, "Enriched rows".
 *
 * <p>A kept answer is served only within the clock second it was built in (its ages and staleness are whole seconds
 * of that second), at market's same snapshot generation (moved by every candle or indicator write of this process)
 * and at the list's same generation here (moved by every change of the list made by this process, once its
 * transaction has ended: {@link #invalidate}). So this replica's own changes show at once, and another replica's
 * within the second. The caller's right to see the list is checked against the list's owner, type and active flag
 * kept with the answer: the condition of the statement that read it.
 */
@ApplicationScoped
public class WatchlistAnswerCache {

    static final String NAME = "watchlist-answers";

    /** One list read on one timeframe. */
    record Key(long watchlistId, Timeframe timeframe) {}

    /**
     * The JSON built at list generation {@code generation} and market generation {@code market} during clock second
     * {@code second}, with who may see it: the owner of a personal list, everyone for an active default list.
     */
    record Answer(
            long generation, long market, long second, Long ownerId, boolean personal, boolean active, byte[] json) {

        boolean visibleTo(long viewerId) {
            return personal ? ownerId != null && ownerId == viewerId : active;
        }
    }

    private final CaffeineCache cache;
    private final ConcurrentHashMap<Long, AtomicLong> generations = new ConcurrentHashMap<>();

    public WatchlistAnswerCache(@CacheName(NAME) Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /**
     * The list's generation: read it before building an answer, hand it to {@link #put} in the answer. Reading adds
     * nothing to the map (a caller asking for any number of ids, existing or not, must not grow it); only a change
     * ({@link #invalidate}) does, once per list changed.
     */
    long generation(long watchlistId) {
        AtomicLong generation = generations.get(watchlistId);
        return generation == null ? 0 : generation.get();
    }

    /**
     * The kept JSON of {@code key} if it was built in {@code second}, at {@code market} and at the list's current
     * generation, and {@code viewerId} may see the list; else null (build it).
     */
    byte[] get(Key key, long viewerId, long market, long second) {
        CompletableFuture<Object> hit = cache.getIfPresent(key);
        if (hit == null || !hit.isDone() || hit.isCompletedExceptionally()) {
            return null;
        }
        Answer answer = (Answer) hit.getNow(null);
        return answer != null
                        && answer.second() == second
                        && answer.market() == market
                        && answer.generation() == generation(key.watchlistId())
                        && answer.visibleTo(viewerId)
                ? answer.json()
                : null;
    }

    /** Keeps an answer unless the list changed since its generation was read. */
    void put(Key key, Answer answer) {
        if (answer.generation() == generation(key.watchlistId())) {
            cache.put(key, CompletableFuture.completedFuture(answer));
        }
    }

    /** How many lists have a generation here (the lists this process changed). */
    int trackedLists() {
        return generations.size();
    }

    /** Drops every kept answer of the list (call once a change of it has committed or failed). */
    void invalidate(long watchlistId) {
        generations.computeIfAbsent(watchlistId, k -> new AtomicLong()).incrementAndGet();
    }
}
