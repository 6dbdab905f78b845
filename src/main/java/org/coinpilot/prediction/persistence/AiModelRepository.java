package org.coinpilot.prediction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.domain.ModelType;

/** Queries of {@code ai_models}. */
@ApplicationScoped
public class AiModelRepository implements PanacheRepositoryBase<AiModel, Long> {

    /** Optional filters of the registry list; null means "any". */
    public record Filter(String name, ModelType modelType, ModelStatus status, Boolean active) {}

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

    /** The version {@code id} locked for update (fresh state, waits for an activation of its name), or null. */
    public Uni<AiModel> findByIdForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The name of the version {@code id}, or null; loads no entity (so a later locking read sees fresh state). */
    public Uni<String> findName(long id) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select m.name from AiModel m where m.id = :id", String.class)
                        .setParameter("id", id)
                        .getSingleResultOrNull());
    }

    /**
     * Every version of {@code name}, locked for update in id order: activations of one name run one after the other,
     * so the switch from one active version to the next is never seen half-done.
     */
    public Uni<List<AiModel>> lockVersions(String name) {
        return find("name = :name order by id", Parameters.with("name", name))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The active versions among these names. */
    public Uni<List<AiModel>> listActiveByNames(List<String> names) {
        return list("isActive = true and name in :names", Parameters.with("names", names));
    }

    /** How many versions each of these names has (names without any are absent). */
    public Uni<List<Object[]>> countVersions(List<String> names) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select m.name, count(m) from AiModel m where m.name in :names group by m.name",
                                Object[].class)
                        .setParameter("names", names)
                        .getResultList());
    }

    /** Records that these versions made a prediction at {@code at} ({@code last_prediction} never goes back). */
    public Uni<Integer> touchLastPrediction(List<Long> ids, java.time.Instant at) {
        return update(
                "lastPrediction = :at where id in :ids and (lastPrediction is null or lastPrediction < :at)",
                Parameters.with("at", at).and("ids", ids));
    }

    /** One page of the registry: by name, newest version first. */
    public Uni<List<AiModel>> page(Filter filter, int pageIndex, int size) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by name, createdAt desc, id desc", where.parameters())
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many versions match. */
    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(Filter filter) {
        return new HqlFilter()
                .equal("name", "name", filter.name())
                .equal("modelType", "modelType", filter.modelType())
                .equal("status", "status", filter.status())
                .equal("isActive", "active", filter.active());
    }
}
