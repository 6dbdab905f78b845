package org.coinpilot.market.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.market.domain.PriceDataArchive;

/** Queries of {@code price_data_archive}. */
@ApplicationScoped
public class PriceDataArchiveRepository implements PanacheRepositoryBase<PriceDataArchive, Long> {}
