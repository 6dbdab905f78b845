package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.ops.domain.SystemHealth;

/** Queries of {@code system_health}. */
@ApplicationScoped
public class SystemHealthRepository implements PanacheRepositoryBase<SystemHealth, Long> {

    /** The newest snapshot, or null. */
    public Uni<SystemHealth> findLatest() {
        return find("order by checkTime desc, id desc").firstResult();
    }
}
