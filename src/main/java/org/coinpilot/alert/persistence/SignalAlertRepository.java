package org.coinpilot.alert.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.alert.domain.AlertType;
import org.coinpilot.alert.domain.SignalAlert;
import org.coinpilot.common.persistence.HqlFilter;

/** Queries of {@code signal_alerts}. */
@ApplicationScoped
public class SignalAlertRepository implements PanacheRepositoryBase<SignalAlert, Long> {

    /** Optional filters of an owner's list; null means "any". */
    public record Filter(Boolean active, Boolean triggered, AlertType type, Long cryptoId) {}

    /** The alert rule {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<SignalAlert> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** Deletes the alert {@code id} of {@code ownerId}; false when there is none (or it is someone else's). */
    public Uni<Boolean> deleteByIdAndOwner(long id, long ownerId) {
        return delete(
                        "id = :id and userId = :ownerId",
                        Parameters.with("id", id).and("ownerId", ownerId))
                .map(n -> n > 0);
    }

    /** One page of the owner's alerts, newest first. */
    public Uni<List<SignalAlert>> page(long ownerId, Filter filter, int pageIndex, int size) {
        HqlFilter where = where(ownerId, filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many of the owner's alerts match. */
    public Uni<Long> count(long ownerId, Filter filter) {
        HqlFilter where = where(ownerId, filter);
        return count(where.hql(), where.parameters());
    }

    /** How many alerts the owner has (all of them, active or not). */
    public Uni<Long> countByOwner(long ownerId) {
        return count("userId = :ownerId", Parameters.with("ownerId", ownerId));
    }

    private static HqlFilter where(long ownerId, Filter filter) {
        return new HqlFilter()
                .equal("userId", "ownerId", ownerId)
                .equal("isActive", "active", filter.active())
                .equal("isTriggered", "triggered", filter.triggered())
                .equal("alertType", "type", filter.type())
                .equal("cryptoId", "cryptoId", filter.cryptoId());
    }
}
