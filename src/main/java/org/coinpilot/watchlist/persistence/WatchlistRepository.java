package org.coinpilot.watchlist.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.watchlist.domain.Watchlist;
import org.coinpilot.watchlist.domain.WatchlistType;

/** Queries of {@code watchlists}. */
@ApplicationScoped
public class WatchlistRepository implements PanacheRepositoryBase<Watchlist, Long> {

    /** The personal watchlist {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<Watchlist> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The owner's watchlists in display order. */
    public Uni<List<Watchlist>> listByOwner(long ownerId) {
        return list("userId = :ownerId order by sortOrder, id", Parameters.with("ownerId", ownerId));
    }

    /** How many watchlists the owner has (for the per-user limit). */
    public Uni<Long> countByOwner(long ownerId) {
        return count("userId = :ownerId", Parameters.with("ownerId", ownerId));
    }

    /** The system default watchlists (no owner) in display order. */
    public Uni<List<Watchlist>> listDefaults() {
        return list("watchlistType = :type order by sortOrder, id", Parameters.with("type", WatchlistType.DEFAULT));
    }
}
