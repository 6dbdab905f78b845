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
}
