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
    // ---- predictions: generation job, posting and the admin/service reads (docs/predictions.md "Predictions") ----

    /** Optional filters of the prediction list; null means "any". Time range on {@code created_at}, [from, to). */
    public record Filter(Long modelId, Long cryptoId, Boolean realized, Instant from, Instant to) {}

    /** Of {@code modelIds}, the versions that already predicted this asset at this horizon for this target. */
    public Uni<List<Long>> modelsWithPrediction(long cryptoId, int horizon, Instant target, List<Long> modelIds) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select p.aiModelsId from Prediction p where p.cryptoId = :crypto and"
                                        + " p.predictionHorizon = :horizon and p.targetDatetime = :target and"
                                        + " p.aiModelsId in :models",
                                Long.class)
                        .setParameter("crypto", cryptoId)
                        .setParameter("horizon", horizon)
                        .setParameter("target", target)
                        .setParameter("models", modelIds)
                        .getResultList());
    }

    /** One page of the ledger, newest first. */
    public Uni<List<Prediction>> page(Filter filter, int pageIndex, int size) {
        org.coinpilot.common.persistence.HqlFilter where = where(filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(io.quarkus.panache.common.Page.of(pageIndex, size))
                .list();
    }

    /** How many predictions match. */
    public Uni<Long> count(Filter filter) {
        org.coinpilot.common.persistence.HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    private static org.coinpilot.common.persistence.HqlFilter where(Filter filter) {
        return new org.coinpilot.common.persistence.HqlFilter()
                .equal("aiModelsId", "model", filter.modelId())
                .equal("cryptoId", "crypto", filter.cryptoId())
                .equal("isRealized", "realized", filter.realized())
                .atLeast("createdAt", "from", filter.from())
                .before("createdAt", "to", filter.to());
    }
}
