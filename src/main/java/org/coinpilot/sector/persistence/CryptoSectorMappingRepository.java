package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.sector.domain.CryptoSectorMapping;

/** Queries of {@code crypto_sector_mapping}. */
@ApplicationScoped
public class CryptoSectorMappingRepository implements PanacheRepositoryBase<CryptoSectorMapping, Long> {}
