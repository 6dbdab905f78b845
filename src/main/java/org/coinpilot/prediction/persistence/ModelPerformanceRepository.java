package org.coinpilot.prediction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.prediction.domain.ModelPerformance;

/** Queries of {@code model_performance}. */
@ApplicationScoped
public class ModelPerformanceRepository implements PanacheRepositoryBase<ModelPerformance, Long> {

    /** The newest evaluation of a model version for a metric, or null. */
    public Uni<ModelPerformance> findLatest(long modelId, String evaluationMetric) {
        return find(
                        "modelId = :modelId and evaluationMetric = :metric order by evaluationDate desc, id desc",
                        Parameters.with("modelId", modelId).and("metric", evaluationMetric))
                .firstResult();
    }
}
