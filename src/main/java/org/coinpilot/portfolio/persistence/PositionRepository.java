package org.coinpilot.portfolio.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.TradeStatus;

/** Queries of {@code portfolio} (positions). */
@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<Position, Long> {

    /** Optional filters of an owner's positions; null means any. */
    public record Filter(TradeStatus status, String symbol) {}

    /** The position {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<Position> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /**
     * The position {@code id} of {@code ownerId} locked for update ({@code SELECT … FOR UPDATE}): the journal of one
     * position is changed by one transaction at a time, so no replay works from a stale journal.
     */
    public Uni<Position> findByIdAndOwnerForUpdate(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The owner's positions in a state, newest first. */
    public Uni<List<Position>> listByOwnerAndStatus(long ownerId, TradeStatus status) {
        return list(
                "userId = :ownerId and tradeStatus = :status order by createdAt desc, id desc",
                Parameters.with("ownerId", ownerId).and("status", status));
    }

    /** Every user's positions that hold a quantity, by owner then id (recommendations read them). */
    public Uni<List<Position>> listHolding() {
        return list("quantity > 0 order by userId, id");
    }

    /** All positions of the owner, oldest first. */
    public Uni<List<Position>> listByOwner(long ownerId) {
        return list("userId = :ownerId order by id", Parameters.with("ownerId", ownerId));
    }

    /** One page of the owner's positions, newest first. */
    public Uni<List<Position>> page(long ownerId, Filter filter, int pageIndex, int size) {
        HqlFilter where = where(ownerId, filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many of the owner's positions match. */
    public Uni<Long> count(long ownerId, Filter filter) {
        HqlFilter where = where(ownerId, filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(long ownerId, Filter filter) {
        return new HqlFilter()
                .equal("userId", "ownerId", ownerId)
                .equal("tradeStatus", "status", filter.status())
                .equal("assetSymbol", "symbol", filter.symbol());
    }
}
