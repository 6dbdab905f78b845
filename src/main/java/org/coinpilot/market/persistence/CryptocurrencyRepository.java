package org.coinpilot.market.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.SortOrder;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.market.domain.Cryptocurrency;

/** Queries of {@code cryptocurrencies}. */
@ApplicationScoped
public class CryptocurrencyRepository implements PanacheRepositoryBase<Cryptocurrency, Long> {

    /**
     * Filter of the asset list; null fields are not applied; {@code text} matches symbol or name, any case;
     * {@code sector} keeps the members of a sector (its slug or id), through the function sector publishes.
     */
    public record Filter(Boolean active, Boolean supported, String text, String sector) {

        public Filter(Boolean active, Boolean supported, String text) {
            this(active, supported, text, null);
        }
    }

    /** The asset with exactly this symbol (symbols are case-sensitive, e.g. {@code stETH}), or null. */
    public Uni<Cryptocurrency> findBySymbol(String symbol) {
        return find("symbol = :symbol", Parameters.with("symbol", symbol)).firstResult();
    }

    /** One page in {@code order}, rows without the sorted value last. */
    public Uni<List<Cryptocurrency>> findPage(Filter filter, SortOrder order, PageQuery page) {
        HqlFilter where = where(filter);
        String orderBy = order.hql().replace(" asc", " asc nulls last").replace(" desc", " desc nulls last");
        return find(where.hql() + " order by " + orderBy, where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    /** The assets without a description yet, by market-cap rank. */
    public Uni<List<Cryptocurrency>> findWithoutDescription() {
        return find("description is null", Sort.by("marketCapRank").and("id")).list();
    }

    private static HqlFilter where(Filter filter) {
        String text = filter.text() == null || filter.text().isBlank()
                ? null
                : "%" + HqlFilter.escapeLike(filter.text().trim().toLowerCase(Locale.ROOT)) + "%";
        return new HqlFilter()
                .equal("isActive", "active", filter.active())
                .equal("isSupported", "supported", filter.supported())
                .when(text, "(lower(symbol) like :q or lower(name) like :q)", "q", text)
                // sector_has_asset(text, bigint): published by sector (V120__sector_slug_published.sql)
                .when(filter.sector(), "function('sector_has_asset', :sector, id) = true", "sector", filter.sector());
    }
}
