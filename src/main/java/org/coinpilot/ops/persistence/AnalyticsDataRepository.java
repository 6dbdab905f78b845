package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.ops.domain.AnalyticsData;

/** Queries of {@code analytics_data}. */
@ApplicationScoped
public class AnalyticsDataRepository implements PanacheRepositoryBase<AnalyticsData, Long> {}
