package org.coinpilot.market.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.market.domain.PriceData;

/** Queries of {@code price_data}. */
@ApplicationScoped
public class PriceDataRepository implements PanacheRepositoryBase<PriceData, Long> {}
