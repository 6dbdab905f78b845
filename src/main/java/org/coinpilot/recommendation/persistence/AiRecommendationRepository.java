package org.coinpilot.recommendation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.recommendation.domain.AiRecommendation;
import org.coinpilot.recommendation.domain.PriorityLevel;
import org.coinpilot.recommendation.domain.RecommendationStatus;
import org.coinpilot.recommendation.domain.RecommendationType;

/** Queries of {@code ai_recommendations}. */
@ApplicationScoped
public class AiRecommendationRepository implements PanacheRepositoryBase<AiRecommendation, Long> {

    /** Optional filters of an owner's recommendations; null means any. */
    public record Filter(RecommendationStatus status, RecommendationType type, PriorityLevel priority) {}

    /** The recommendation {@code id} addressed to {@code ownerId}, or null (global ones have no owner). */
    public Uni<AiRecommendation> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The same, locked for update ({@code SELECT … FOR UPDATE}): one lifecycle change at a time. */
    public Uni<AiRecommendation> findByIdAndOwnerForUpdate(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** One page of the owner's recommendations, newest first. */
    public Uni<List<AiRecommendation>> page(long ownerId, Filter filter, int pageIndex, int size) {
        HqlFilter where = where(ownerId, filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many of the owner's recommendations match. */
    public Uni<Long> count(long ownerId, Filter filter) {
        HqlFilter where = where(ownerId, filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(long ownerId, Filter filter) {
        return new HqlFilter()
                .equal("userId", "ownerId", ownerId)
                .equal("status", "status", filter.status())
                .equal("recommendationType", "type", filter.type())
                .equal("priorityLevel", "priority", filter.priority());
    }
}
