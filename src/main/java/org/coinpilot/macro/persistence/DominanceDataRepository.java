package org.coinpilot.macro.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.macro.domain.DominanceData;

/** Queries of {@code dominance_data}. */
@ApplicationScoped
public class DominanceDataRepository implements PanacheRepositoryBase<DominanceData, Long> {}
