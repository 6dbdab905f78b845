package org.coinpilot.market.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.paging.SortOrder;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.market.api.AssetQuery;
import org.coinpilot.market.api.AssetRequest;
import org.coinpilot.market.api.AssetResponse;
import org.coinpilot.market.client.CoinGeckoClient;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.Cryptocurrency;
import org.coinpilot.market.persistence.CryptocurrencyRepository;

/** The asset catalogue: public reads, admin edits, and the CoinGecko sync. */
@ApplicationScoped
public class CatalogueService {

    private static final Map<String, String> SORTS = Map.of(
            "rank", "marketCapRank",
            "volume", "totalVolume",
            "marketCap", "marketCap",
            "change24h", "priceChangePercentage24h",
            "change7d", "priceChangePercentage7d",
            "change30d", "priceChangePercentage30d",
            "symbol", "symbol",
            "id", "id");

    private final CryptocurrencyRepository assets;
    private final CoinGeckoClient coinGecko;
    private final AccessStatsService stats;
    private final MarketConfig config;

    public CatalogueService(
            CryptocurrencyRepository assets, CoinGeckoClient coinGecko, AccessStatsService stats, MarketConfig config) {
        this.assets = assets;
        this.coinGecko = coinGecko;
        this.stats = stats;
        this.config = config;
    }

    @WithSession
    public Uni<PageResponse<AssetResponse>> list(AssetQuery query, PageQuery page) {
        SortOrder order = SortOrder.parse(query.sort, SORTS, "rank");
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.active != null) {
            where.append(" and isActive = :active");
            params.and("active", query.active);
        }
        if (query.supported != null) {
            where.append(" and isSupported = :supported");
            params.and("supported", query.supported);
        }
        if (query.q != null && !query.q.isBlank()) {
            where.append(" and (lower(symbol) like :q or lower(name) like :q)");
            params.and(
                    "q",
                    "%"
                            + query.q
                                    .trim()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        String hql = where + " order by "
                + order.hql().replace(" asc", " asc nulls last").replace(" desc", " desc nulls last");
        Uni<Long> total = page.includeTotal
                ? assets.count(where.toString(), params)
                : Uni.createFrom().nullItem();
        return total.chain(count -> assets.find(hql, params)
                .page(page.page, page.size)
                .list()
                .map(rows -> PageResponse.of(
                        rows.stream().map(CatalogueService::toResponse).toList(), page, count)));
    }

    @WithSession
    public Uni<AssetResponse> get(String symbol) {
        return load(symbol).invoke(asset -> stats.record(asset.id, null)).map(CatalogueService::toResponse);
    }

    @WithTransaction
    public Uni<AssetResponse> create(AssetRequest request) {
        return assets.findBySymbol(request.symbol()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom()
                        .failure(new ConflictException(
                                "ASSET_EXISTS", "An asset with the symbol '" + request.symbol() + "' exists."));
            }
            Cryptocurrency asset = new Cryptocurrency();
            asset.symbol = request.symbol();
            apply(asset, request);
            return assets.persist(asset).map(CatalogueService::toResponse);
        });
    }

    @WithTransaction
    public Uni<AssetResponse> update(String symbol, AssetRequest request) {
        return load(symbol).invoke(asset -> apply(asset, request)).map(CatalogueService::toResponse);
    }

    /** Delists an asset (candles are kept; it is no longer ingested). */
    @WithTransaction
    public Uni<Void> deactivate(String symbol) {
        return load(symbol)
                .invoke(asset -> {
                    asset.isActive = false;
                    asset.isSupported = false;
                })
                .replaceWithVoid();
    }

    /**
     * Syncs the top N of CoinGecko's market-cap ranking (the remote call happens before any transaction), then
     * fetches details (description, links) for a few assets lacking them.
     */
    public Uni<Map<String, Object>> sync() {
        return coinGecko
                .markets(config.catalogue().topN())
                .chain(rows -> applyMarkets(rows))
                .chain(result -> detailCandidates()
                        .chain(ids -> Multi.createFrom()
                                .iterable(ids)
                                .onItem()
                                .transformToUniAndConcatenate(
                                        id -> coinGecko.coin(id).chain(this::applyDetail))
                                .collect()
                                .asList())
                        .map(details -> {
                            result.put("details", details.size());
                            return result;
                        }));
    }

    @WithTransaction
    Uni<Map<String, Object>> applyMarkets(List<CoinGeckoClient.MarketRow> rows) {
        return assets.listAll().chain(existing -> {
            Map<String, Cryptocurrency> byGecko = new LinkedHashMap<>();
            Map<String, Cryptocurrency> bySymbol = new LinkedHashMap<>();
            for (Cryptocurrency asset : existing) {
                Object gecko = asset.externalIds.get("coingecko");
                if (gecko != null) {
                    byGecko.put(gecko.toString(), asset);
                }
                bySymbol.put(asset.symbol, asset);
            }
            List<Cryptocurrency> toPersist = new ArrayList<>();
            int created = 0;
            for (CoinGeckoClient.MarketRow row : rows) {
                String symbol = row.symbol().toUpperCase(Locale.ROOT);
                Cryptocurrency asset = byGecko.get(row.id());
                if (asset == null) {
                    asset = bySymbol.get(symbol);
                }
                if (asset == null) {
                    if (!symbol.matches("^[A-Za-z0-9][A-Za-z0-9._-]*$") || symbol.length() > 32) {
                        continue;
                    }
                    asset = new Cryptocurrency();
                    asset.symbol = symbol;
                    asset.name = row.name();
                    asset.isSupported = row.marketCapRank() != null
                            && row.marketCapRank() <= config.catalogue().supportTopN();
                    bySymbol.put(symbol, asset);
                    created++;
                }
                applyMarket(asset, row);
                toPersist.add(asset);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("assets", toPersist.size());
            result.put("created", created);
            return assets.persist(toPersist).replaceWith(result);
        });
    }

    @WithSession
    Uni<List<String>> detailCandidates() {
        int limit = config.catalogue().detailsPerRun();
        return assets.find("description is null", Sort.by("marketCapRank").and("id"))
                .list()
                .map(list -> list.stream()
                        .filter(asset -> asset.externalIds.get("coingecko") != null)
                        .limit(limit)
                        .map(asset -> asset.externalIds.get("coingecko").toString())
                        .toList());
    }

    @WithTransaction
    Uni<String> applyDetail(CoinGeckoClient.CoinDetail detail) {
        return assets.find("description is null")
                .list()
                .invoke(list -> list.stream()
                        .filter(asset -> detail.id().equals(String.valueOf(asset.externalIds.get("coingecko"))))
                        .forEach(asset -> {
                            asset.description = detail.description() == null ? "" : detail.description();
                            asset.links = new LinkedHashMap<>(detail.links());
                            if (asset.logoUrl == null) {
                                asset.logoUrl = detail.image();
                            }
                        }))
                .map(list -> detail.id());
    }

    private static void applyMarket(Cryptocurrency asset, CoinGeckoClient.MarketRow row) {
        Map<String, Object> ids = new LinkedHashMap<>(asset.externalIds);
        ids.put("coingecko", row.id());
        asset.externalIds = ids;
        asset.logoUrl = row.image() != null ? row.image() : asset.logoUrl;
        asset.currentPrice = scale(row.currentPrice(), 8);
        asset.marketCap = scale(row.marketCap(), 2);
        asset.marketCapRank = row.marketCapRank();
        asset.totalVolume = scale(row.totalVolume(), 2);
        asset.circulatingSupply = scale(row.circulatingSupply(), 8);
        asset.totalSupply = scale(row.totalSupply(), 8);
        asset.maxSupply = scale(row.maxSupply(), 8);
        asset.priceChangePercentage24h = scale(row.change24h(), 4);
        asset.priceChangePercentage7d = scale(row.change7d(), 4);
        asset.priceChangePercentage30d = scale(row.change30d(), 4);
    }

    private static BigDecimal scale(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static void apply(Cryptocurrency asset, AssetRequest request) {
        asset.name = request.name();
        asset.externalIds =
                request.externalIds() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(request.externalIds());
        asset.description = request.description();
        asset.logoUrl = request.logoUrl();
        asset.links = request.links() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(request.links());
        asset.isActive = request.active() == null || request.active();
        asset.isSupported = request.supported() != null && request.supported();
    }

    private Uni<Cryptocurrency> load(String symbol) {
        return assets.findBySymbol(symbol)
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ResourceNotFoundException("ASSET_NOT_FOUND", "No asset has the symbol '" + symbol + "'."));
    }

    static AssetResponse toResponse(Cryptocurrency a) {
        return new AssetResponse(
                a.symbol,
                a.name,
                a.externalIds,
                a.currentPrice,
                a.marketCap,
                a.marketCapRank,
                a.totalVolume,
                a.circulatingSupply,
                a.totalSupply,
                a.maxSupply,
                a.priceChangePercentage24h,
                a.priceChangePercentage7d,
                a.priceChangePercentage30d,
                a.description,
                a.logoUrl,
                a.links,
                a.isActive,
                a.isSupported,
                a.updatedAt);
    }
}
