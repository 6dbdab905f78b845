package org.coinpilot.market.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.market.domain.Cryptocurrency;

/** Queries of {@code cryptocurrencies}. */
@ApplicationScoped
public class CryptocurrencyRepository implements PanacheRepositoryBase<Cryptocurrency, Long> {

    /** The asset with exactly this symbol (symbols are case-sensitive, e.g. {@code stETH}), or null. */
    public Uni<Cryptocurrency> findBySymbol(String symbol) {
        return find("symbol = :symbol", Parameters.with("symbol", symbol)).firstResult();
    }
}
