package org.coinpilot.prediction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.prediction.domain.Prediction;

/** Queries of {@code predictions}. */
@ApplicationScoped
public class PredictionRepository implements PanacheRepositoryBase<Prediction, Long> {

    /** Unrealized predictions whose target time is not after {@code now}, oldest first (the scoring job). */
    public Uni<List<Prediction>> listDueForScoring(Instant now, int limit) {
        return find(
                        "isRealized = false and targetDatetime <= :now order by targetDatetime, id",
                        Parameters.with("now", now))
                .page(0, limit)
                .list();
    }

    // --- published reads (prediction.service.PredictionReadService) ---------------------------------------------

    /**
     * The newest price prediction of each (active model version, asset) created at or before {@code at} (newest =
     * latest {@code createdAt}, then highest id), kept when it is still unscored and its target is after {@code at};
     * each row is {@code [Prediction, AiModel]}, ordered by asset, model and id.
     */
    public Uni<List<Object[]>> newestLiveOfActiveModels(Instant at) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select p, m from Prediction p, AiModel m where m.id = p.aiModelsId and m.isActive = true"
                                        + " and p.cryptoId is not null and p.predictedPrice is not null"
                                        + " and p.inputPrice is not null and p.predictionHorizon is not null"
                                        + " and p.createdAt <= :at and p.isRealized = false and p.targetDatetime > :at"
                                        + " and not exists (select 1 from Prediction q where q.aiModelsId = p.aiModelsId"
                                        + " and q.cryptoId = p.cryptoId and q.createdAt <= :at and (q.createdAt > p.createdAt"
                                        + " or (q.createdAt = p.createdAt and q.id > p.id)))"
                                        + " order by p.cryptoId, m.id, p.id",
                                Object[].class)
                        .setParameter("at", at)
                        .getResultList());
    }
}
