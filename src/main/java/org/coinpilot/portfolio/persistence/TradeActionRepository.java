package org.coinpilot.portfolio.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.portfolio.domain.TradeAction;

/** Queries of {@code trade_actions}. A trade is owned through its position's {@code user_id}. */
@ApplicationScoped
public class TradeActionRepository implements PanacheRepositoryBase<TradeAction, Long> {

    private static final String OWNED = "portfolioId in (select p.id from Position p where p.userId = :ownerId)";

    /** The trade {@code id} on one of {@code ownerId}'s positions, or null. */
    public Uni<TradeAction> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and " + OWNED, Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The journal of a position of {@code ownerId}, newest first (empty when the position is not theirs). */
    public Uni<List<TradeAction>> listByPositionAndOwner(long positionId, long ownerId) {
        return list(
                "portfolioId = :positionId and " + OWNED + " order by createdAt desc, id desc",
                Parameters.with("positionId", positionId).and("ownerId", ownerId));
    }

    /**
     * The whole journal of a position in replay order {@code (executedAt, id)}. The service calls it after loading
     * the position with its owner, so it takes no owner.
     */
    public Uni<List<TradeAction>> journal(long positionId) {
        return list("portfolioId = :positionId order by executedAt, id", Parameters.with("positionId", positionId));
    }

    /** One page of a position's journal in replay order, for a position the service has checked is the owner's. */
    public Uni<List<TradeAction>> page(long positionId, int pageIndex, int size) {
        return find("portfolioId = :positionId order by executedAt, id", Parameters.with("positionId", positionId))
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many actions a position has. */
    public Uni<Long> countByPosition(long positionId) {
        return count("portfolioId = :positionId", Parameters.with("positionId", positionId));
    }

    /** Every action on the owner's positions, each position's in replay order. */
    public Uni<List<TradeAction>> journalOfOwner(long ownerId) {
        return list(OWNED + " order by portfolioId, executedAt, id", Parameters.with("ownerId", ownerId));
    }
}
