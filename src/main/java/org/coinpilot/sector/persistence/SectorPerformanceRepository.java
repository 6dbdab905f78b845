package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.sector.domain.SectorPerformance;

/** Queries of {@code sector_performance}. */
@ApplicationScoped
public class SectorPerformanceRepository implements PanacheRepositoryBase<SectorPerformance, Long> {}
