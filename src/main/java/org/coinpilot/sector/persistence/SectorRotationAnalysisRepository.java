package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.sector.domain.SectorRotationAnalysis;

/** Queries of {@code sector_rotation_analysis} (keyset on {@code (created_at, id)}). */
@ApplicationScoped
public class SectorRotationAnalysisRepository implements PanacheRepositoryBase<SectorRotationAnalysis, Long> {

    /** Filter: rotations touching {@code sectorId} (from or to; null: all), in [from, to). */
    public record Filter(Long sectorId, Instant from, Instant to) {}

    /** Oldest first from {@code after} (exclusive keyset) or {@code filter.from} (inclusive). */
    public Uni<List<SectorRotationAnalysis>> pageForward(Filter filter, Cursor after, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        where(filter, q, p, after == null);
        if (after != null) {
            q.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            p.and("at", after.time()).and("id", after.id());
        }
        return find(q + " order by createdAt, id", p).page(0, limit).list();
    }

    /** The newest {@code limit} matching (ignoring {@code filter.from}), newest first. */
    public Uni<List<SectorRotationAnalysis>> newest(Filter filter, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        where(filter, q, p, false);
        return find(q + " order by createdAt desc, id desc", p).page(0, limit).list();
    }

    /** Rotations from or to any of these sectors detected in (from, to], newest first (the sector context). */
    public Uni<List<SectorRotationAnalysis>> touchingBetween(Collection<Long> sectorIds, Instant from, Instant to) {
        return find(
                        "(fromSectorId in :ids or toSectorId in :ids) and createdAt > :from and createdAt <= :to"
                                + " order by createdAt desc, id desc",
                        Parameters.with("ids", sectorIds).and("from", from).and("to", to))
                .list();
    }

    private static void where(Filter filter, StringBuilder q, Parameters p, boolean withFrom) {
        if (filter.sectorId() != null) {
            q.append(" and (fromSectorId = :sector or toSectorId = :sector)");
            p.and("sector", filter.sectorId());
        }
        if (withFrom && filter.from() != null) {
            q.append(" and createdAt >= :from");
            p.and("from", filter.from());
        }
        if (filter.to() != null) {
            q.append(" and createdAt < :to");
            p.and("to", filter.to());
        }
    }
}
