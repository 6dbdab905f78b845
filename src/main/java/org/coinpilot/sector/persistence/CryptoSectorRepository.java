package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.sector.domain.CryptoSector;

/** Queries of {@code crypto_sectors}. */
@ApplicationScoped
public class CryptoSectorRepository implements PanacheRepositoryBase<CryptoSector, Long> {

    /** The sector with exactly this name (unique), or null. */
    public Uni<CryptoSector> findByName(String name) {
        return find("name = :name", Parameters.with("name", name)).firstResult();
    }

    /** The sector with this slug (unique), or null. */
    public Uni<CryptoSector> findBySlug(String slug) {
        return find("slug = :slug", Parameters.with("slug", slug)).firstResult();
    }

    /** Another sector than {@code exceptId} (null: any) with this name (any case) or slug, or null. */
    public Uni<CryptoSector> findClash(String name, String slug, Long exceptId) {
        Parameters parameters = Parameters.with("name", name).and("slug", slug);
        if (exceptId == null) {
            return find("lower(name) = lower(:name) or slug = :slug", parameters)
                    .firstResult();
        }
        return find(
                        "(lower(name) = lower(:name) or slug = :slug) and id <> :except",
                        parameters.and("except", exceptId))
                .firstResult();
    }

    /** One page by name, then id; {@code active} null lists all. */
    public Uni<List<CryptoSector>> findPage(Boolean active, PageQuery page) {
        HqlFilter where = new HqlFilter().equal("isActive", "active", active);
        return find(where.hql() + " order by name, id", where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Boolean active) {
        HqlFilter where = new HqlFilter().equal("isActive", "active", active);
        return count(where.hql(), where.parameters());
    }

    public Uni<List<CryptoSector>> findActive() {
        return find("isActive = true", Sort.by("id")).list();
    }

    public Uni<List<CryptoSector>> findByIds(Collection<Long> ids) {
        return find("id in :ids", Sort.by("id"), Parameters.with("ids", ids)).list();
    }
}
