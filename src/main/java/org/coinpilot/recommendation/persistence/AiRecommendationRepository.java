package org.coinpilot.recommendation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.recommendation.domain.AiRecommendation;

/** Queries of {@code ai_recommendations}. */
@ApplicationScoped
public class AiRecommendationRepository implements PanacheRepositoryBase<AiRecommendation, Long> {

    /** The recommendation {@code id} addressed to {@code ownerId}, or null (global ones have no owner). */
    public Uni<AiRecommendation> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }
}
