package org.coinpilot.prediction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.ModelType;

/** Queries of {@code ai_models}. */
@ApplicationScoped
public class AiModelRepository implements PanacheRepositoryBase<AiModel, Long> {

    /** The model version, or null. */
    public Uni<AiModel> findByNameAndVersion(String name, String version) {
        return find(
                        "name = :name and version = :version",
                        Parameters.with("name", name).and("version", version))
                .firstResult();
    }

    /** The active model versions of a layer. */
    public Uni<List<AiModel>> listActiveByType(ModelType modelType) {
        return list(
                "isActive = true and modelType = :modelType order by name, id",
                Parameters.with("modelType", modelType));
    }
}
