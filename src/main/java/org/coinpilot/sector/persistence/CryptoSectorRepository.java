package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.sector.domain.CryptoSector;

/** Queries of {@code crypto_sectors}. */
@ApplicationScoped
public class CryptoSectorRepository implements PanacheRepositoryBase<CryptoSector, Long> {

    /** The sector with exactly this name (unique), or null. */
    public Uni<CryptoSector> findByName(String name) {
        return find("name = :name", Parameters.with("name", name)).firstResult();
    }
}
