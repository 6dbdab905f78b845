package org.coinpilot.watchlist.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.watchlist.domain.WatchlistAsset;

/**
 * Queries of {@code watchlist_assets}. Entries are reached through their watchlist: the service first loads
 * the watchlist with {@link WatchlistRepository#findByIdAndOwner} (or a default list), then uses these.
 */
@ApplicationScoped
public class WatchlistAssetRepository implements PanacheRepositoryBase<WatchlistAsset, Long> {

    /** The entries of a watchlist in display order. */
    public Uni<List<WatchlistAsset>> listByWatchlist(long watchlistId) {
        return list("watchlistId = :watchlistId order by position, id", Parameters.with("watchlistId", watchlistId));
    }

    /** The entry of {@code cryptoId} in the watchlist, or null. */
    public Uni<WatchlistAsset> findByWatchlistAndCrypto(long watchlistId, long cryptoId) {
        return find(
                        "watchlistId = :watchlistId and cryptoId = :cryptoId",
                        Parameters.with("watchlistId", watchlistId).and("cryptoId", cryptoId))
                .firstResult();
    }

    /**
     * The active entries of every user's active personal watchlists as {@code [userId, watchlistId, cryptoId]}, by
     * user, list and asset (system lists have no owner and are left out).
     */
    public Uni<List<Object[]>> watchedByUsers() {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select w.userId, a.watchlistId, a.cryptoId from WatchlistAsset a, Watchlist w"
                                        + " where w.id = a.watchlistId and w.userId is not null and w.isActive = true"
                                        + " and a.isActive = true order by w.userId, a.watchlistId, a.cryptoId",
                                Object[].class)
                        .getResultList());
    }

    /** How many assets the watchlist holds (for {@code max_assets}). */
    public Uni<Long> countByWatchlist(long watchlistId) {
        return count("watchlistId = :watchlistId", Parameters.with("watchlistId", watchlistId));
    }

    /** How many entries each of these watchlists holds, in one query; lists without entries have no key. */
    public Uni<Map<Long, Long>> countByWatchlists(List<Long> watchlistIds) {
        if (watchlistIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select watchlistId, count(*) from WatchlistAsset where watchlistId in :ids"
                                        + " group by watchlistId",
                                Object[].class)
                        .setParameter("ids", watchlistIds)
                        .getResultList())
                .map(rows -> {
                    Map<Long, Long> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.put((Long) row[0], (Long) row[1]);
                    }
                    return counts;
                });
    }

    /**
     * How the active lists hold these assets: rows of (cryptoId, watchlist type, user id or null, position type or
     * null) for every active entry of an active list created at or before {@code at}.
     */
    public Uni<List<Object[]>> holdings(List<Long> cryptoIds, java.time.Instant at) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select a.cryptoId, w.watchlistType, w.userId, a.positionType from WatchlistAsset a,"
                                        + " Watchlist w where w.id = a.watchlistId and a.cryptoId in :ids"
                                        + " and a.isActive = true and w.isActive = true and a.createdAt <= :at",
                                Object[].class)
                        .setParameter("ids", cryptoIds)
                        .setParameter("at", at)
                        .getResultList());
    }
}
