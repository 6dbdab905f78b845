package org.coinpilot.portfolio.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.TradeStatus;

/** Queries of {@code portfolio} (positions). */
@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<Position, Long> {

    /** The position {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<Position> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The owner's positions in a state, newest first. */
    public Uni<List<Position>> listByOwnerAndStatus(long ownerId, TradeStatus status) {
        return list(
                "userId = :ownerId and tradeStatus = :status order by createdAt desc, id desc",
                Parameters.with("ownerId", ownerId).and("status", status));
    }
}
