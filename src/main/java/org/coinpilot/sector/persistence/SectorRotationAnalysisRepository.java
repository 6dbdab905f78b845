package org.coinpilot.sector.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.sector.domain.SectorRotationAnalysis;

/** Queries of {@code sector_rotation_analysis}. */
@ApplicationScoped
public class SectorRotationAnalysisRepository implements PanacheRepositoryBase<SectorRotationAnalysis, Long> {}
