package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.sector.domain.SectorPerformance;

/** Queries of {@code sector_performance} (a time series per sector, keyset on {@code (created_at, id)}). */
@ApplicationScoped
public class SectorPerformanceRepository implements PanacheRepositoryBase<SectorPerformance, Long> {

    /** The newest snapshot of each of these sectors (none for a sector without one). */
    public Uni<List<SectorPerformance>> latestOf(Collection<Long> sectorIds) {
        return find(
                        "from SectorPerformance p where p.sectorId in :ids and p.id = (select max(q.id) from"
                                + " SectorPerformance q where q.sectorId = p.sectorId and q.createdAt ="
                                + " (select max(r.createdAt) from SectorPerformance r where r.sectorId = p.sectorId))",
                        Parameters.with("ids", sectorIds))
                .list();
    }

    /** The newest snapshot of each of these sectors created at or before {@code before}. */
    public Uni<List<SectorPerformance>> latestAtOrBefore(Collection<Long> sectorIds, Instant before) {
        return find(
                        "from SectorPerformance p where p.sectorId in :ids and p.id = (select max(q.id) from"
                                + " SectorPerformance q where q.sectorId = p.sectorId and q.createdAt ="
                                + " (select max(r.createdAt) from SectorPerformance r where r.sectorId = p.sectorId"
                                + " and r.createdAt <= :before))",
                        Parameters.with("ids", sectorIds).and("before", before))
                .list();
    }

    /** Oldest first from {@code after} (exclusive keyset) or {@code from} (inclusive), before {@code to}. */
    public Uni<List<SectorPerformance>> pageForward(long sectorId, Instant from, Cursor after, Instant to, int limit) {
        StringBuilder q = new StringBuilder("sectorId = :sector");
        Parameters p = Parameters.with("sector", sectorId);
        if (after != null) {
            q.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            p.and("at", after.time()).and("id", after.id());
        } else if (from != null) {
            q.append(" and createdAt >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and createdAt < :to");
            p.and("to", to);
        }
        return find(q + " order by createdAt, id", p).page(0, limit).list();
    }

    /** The newest {@code limit} before {@code to} (null: all), newest first. */
    public Uni<List<SectorPerformance>> newest(long sectorId, Instant to, int limit) {
        Parameters p = Parameters.with("sector", sectorId);
        String q = "sectorId = :sector";
        if (to != null) {
            q += " and createdAt < :to";
            p.and("to", to);
        }
        return find(q + " order by createdAt desc, id desc", p).page(0, limit).list();
    }
}
