package org.coinpilot.watchlist.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.coinpilot.common.persistence.HqlFilter;
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

    /**
     * The watchlist {@code id} of this type ({@code ownerId} for personal lists, ignored for system default lists),
     * locked for update so that changes to its entries (count against {@code max_assets}, positions) are serialised.
     */
    public Uni<Watchlist> findForUpdate(long id, WatchlistType type, long ownerId) {
        HqlFilter where = new HqlFilter()
                .equal("id", "id", id)
                .equal("watchlistType", "type", type)
                .equal("userId", "ownerId", type == WatchlistType.PERSONAL ? ownerId : null);
        return find(where.hql(), where.parameters())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Whether {@code id} is an active system default list (visible to everyone, changed only by admins). */
    public Uni<Boolean> isActiveDefault(long id) {
        return count(
                        "id = :id and watchlistType = :type and isActive = true",
                        Parameters.with("id", id).and("type", WatchlistType.DEFAULT))
                .map(n -> n > 0);
    }

    /** Whether a list of this owner (null: the system lists) other than {@code exceptId} has this name (any case). */
    public Uni<Boolean> nameTaken(Long ownerId, String name, Long exceptId) {
        HqlFilter where = new HqlFilter()
                .when(true, "lower(name) = lower(:name)")
                .when(ownerId == null, "userId is null")
                .when(ownerId, "userId = :ownerId", "ownerId", ownerId)
                .when(exceptId, "id <> :exceptId", "exceptId", exceptId);
        where.parameters().and("name", name);
        return count(where.hql(), where.parameters()).map(n -> n > 0);
    }

    /**
     * One page of the lists a user sees: the active system default lists first, then their own, each by
     * {@code sort_order}, then id. A null {@code ownerId} with {@code type} DEFAULT: all system lists (admins).
     */
    public Uni<List<Watchlist>> page(Filter filter, int pageIndex, int size) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by watchlistType, sortOrder, id", where.parameters())
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many lists {@link #page} pages through. */
    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    /** How many watchlists the owner has (for the per-user limit). */
    public Uni<Long> countByOwner(long ownerId) {
        return count("userId = :ownerId", Parameters.with("ownerId", ownerId));
    }

    /** The system default watchlists (no owner) in display order. */
    public Uni<List<Watchlist>> listDefaults() {
        return list("watchlistType = :type order by sortOrder, id", Parameters.with("type", WatchlistType.DEFAULT));
    }

    /**
     * Which lists a page shows: {@code viewerId} set: the active default lists and the viewer's own; {@code
     * viewerId} null: every system default list, active or not (admins).
     */
    public record Filter(Long viewerId) {}

    private static HqlFilter where(Filter filter) {
        if (filter.viewerId() == null) {
            return new HqlFilter().equal("watchlistType", "type", WatchlistType.DEFAULT);
        }
        HqlFilter where = new HqlFilter()
                .when(
                        filter.viewerId(),
                        "(userId = :viewerId or (watchlistType = :type and isActive = true))",
                        "viewerId",
                        filter.viewerId());
        where.parameters().and("type", WatchlistType.DEFAULT);
        return where;
    }
}
