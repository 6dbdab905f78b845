package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.coinpilot.sector.domain.CryptoSectorMapping;

/** Queries of {@code crypto_sector_mapping}. */
@ApplicationScoped
public class CryptoSectorMappingRepository implements PanacheRepositoryBase<CryptoSectorMapping, Long> {

    /** An asset's memberships, primary first. */
    public Uni<List<CryptoSectorMapping>> findByCrypto(long cryptoId) {
        return find(
                        "cryptoId = :crypto order by isPrimarySector desc, allocationPercentage desc, sectorId",
                        Parameters.with("crypto", cryptoId))
                .list();
    }

    public Uni<Long> deleteByCrypto(long cryptoId) {
        return delete("cryptoId = :crypto", Parameters.with("crypto", cryptoId));
    }

    public Uni<List<CryptoSectorMapping>> findBySectors(Collection<Long> sectorIds) {
        return find("sectorId in :ids", Sort.by("sectorId").and("cryptoId"), Parameters.with("ids", sectorIds))
                .list();
    }

    /** Of these assets, the ones that have at least one sector. */
    public Uni<List<Long>> mappedAmong(Collection<Long> cryptoIds) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select distinct m.cryptoId from CryptoSectorMapping m where m.cryptoId in :ids",
                                Long.class)
                        .setParameter("ids", cryptoIds)
                        .getResultList());
    }

    /** Member count per sector: rows of (sectorId, count). */
    public Uni<List<Object[]>> countBySectors(Collection<Long> sectorIds) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select m.sectorId, count(m) from CryptoSectorMapping m where m.sectorId in :ids"
                                        + " group by m.sectorId",
                                Object[].class)
                        .setParameter("ids", sectorIds)
                        .getResultList());
    }

    /** The memberships of these assets, primary first per asset (the sector context of predictions). */
    public Uni<List<CryptoSectorMapping>> findByCryptos(Collection<Long> cryptoIds) {
        return find(
                        "cryptoId in :ids order by cryptoId, isPrimarySector desc, allocationPercentage desc, sectorId",
                        Parameters.with("ids", cryptoIds))
                .list();
    }
}
