package org.coinpilot.portfolio.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
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
}
