package org.coinpilot.watchlist.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    /** How many assets the watchlist holds (for {@code max_assets}). */
    public Uni<Long> countByWatchlist(long watchlistId) {
        return count("watchlistId = :watchlistId", Parameters.with("watchlistId", watchlistId));
    }
}
