package org.coinpilot.macro.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.macro.domain.MarketRegimeAnalysis;

/** Queries of {@code market_regime_analysis}. */
@ApplicationScoped
public class MarketRegimeAnalysisRepository implements PanacheRepositoryBase<MarketRegimeAnalysis, Long> {}
