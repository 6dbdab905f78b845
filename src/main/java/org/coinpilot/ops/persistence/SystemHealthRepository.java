package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.ops.domain.SystemHealth;

/** Queries of {@code system_health}. */
@ApplicationScoped
public class SystemHealthRepository implements PanacheRepositoryBase<SystemHealth, Long> {

    /** The newest snapshot, or null. */
    public Uni<SystemHealth> findLatest() {
        return find("order by checkTime desc, id desc").firstResult();
    }

    /** One page of the snapshots taken in [from, to) (each bound null: open), newest first. */
    public Uni<List<SystemHealth>> findPage(Instant from, Instant to, PageQuery page) {
        HqlFilter where = where(from, to);
        return find(where.hql() + " order by checkTime desc, id desc", where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Instant from, Instant to) {
        HqlFilter where = where(from, to);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(Instant from, Instant to) {
        return new HqlFilter().atLeast("checkTime", "from", from).before("checkTime", "to", to);
    }
}
