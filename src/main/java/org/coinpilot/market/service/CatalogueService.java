package org.coinpilot.market.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.paging.SortOrder;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.api.AssetQuery;
import org.coinpilot.market.api.AssetRequest;
import org.coinpilot.market.api.AssetResponse;
import org.coinpilot.market.client.CoinGeckoClient;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.Cryptocurrency;
import org.coinpilot.market.domain.PriceSource;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.persistence.CryptocurrencyRepository;

/**
 * The asset catalogue: public reads, admin edits, and the CoinGecko sync. An asset the catalogue has no price for
 * (the sync is offline or has not run yet) shows the close of its latest stored candle instead, with
 * {@code priceSource = CANDLE}.
 */
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
    private final MarketReadService reads;
    private final Transactions tx;
    private final MarketConfig config;
    /** The finest ingested timeframe: where a price comes from when the catalogue has none. */
    private final Timeframe quoteTimeframe;

    public CatalogueService(
            CryptocurrencyRepository assets,
            CoinGeckoClient coinGecko,
            AccessStatsService stats,
            MarketReadService reads,
            Transactions tx,
            MarketConfig config) {
        this.assets = assets;
        this.coinGecko = coinGecko;
        this.stats = stats;
        this.reads = reads;
        this.tx = tx;
        this.config = config;
        this.quoteTimeframe = config.ingest().timeframes().stream()
                .map(Timeframe::fromCode)
                .min(Comparator.comparing(Timeframe::duration))
                .orElse(Timeframe.H1);
    }

    public Uni<PageResponse<AssetResponse>> list(AssetQuery query, PageQuery page) {
        SortOrder order = SortOrder.parse(query.sort, SORTS, "rank");
        CryptocurrencyRepository.Filter filter =
                new CryptocurrencyRepository.Filter(query.active, query.supported, query.q, query.sector);
        return tx.read(() -> {
                    Uni<Long> total = page.includeTotal
                            ? assets.count(filter)
                            : Uni.createFrom().nullItem();
                    return total.chain(count -> assets.findPage(filter, order, page)
                            .map(rows -> new Listed(
                                    rows.stream().map(CatalogueService::listed).toList(), count)));
                })
                .chain(found ->
                        withCandlePrices(found.rows()).map(items -> PageResponse.of(items, page, found.total())));
    }

    public Uni<AssetResponse> get(String symbol) {
        return one(tx.read(
                () -> load(symbol).invoke(asset -> stats.record(asset.id, null)).map(CatalogueService::listed)));
    }

    public Uni<AssetResponse> create(AssetRequest request) {
        return one(tx.write(() -> assets.findBySymbol(request.symbol()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom()
                        .failure(new ConflictException(
                                "ASSET_EXISTS", "An asset with the symbol '" + request.symbol() + "' exists."));
            }
            Cryptocurrency asset = new Cryptocurrency();
            asset.symbol = request.symbol();
            apply(asset, request);
            return assets.persist(asset).map(CatalogueService::listed);
        })));
    }

    public Uni<AssetResponse> update(String symbol, AssetRequest request) {
        return one(tx.write(
                () -> load(symbol).invoke(asset -> apply(asset, request)).map(CatalogueService::listed)));
    }

    /** Delists an asset (candles are kept; it is no longer ingested). */
    public Uni<Void> deactivate(String symbol) {
        return tx.write(() -> load(symbol)
                .invoke(asset -> {
                    asset.isActive = false;
                    asset.isSupported = false;
                })
                .replaceWithVoid());
    }

    /** An asset's response as the catalogue has it, with its id for the candle fallback. */
    private record Row(long id, AssetResponse response) {}

    private record Listed(List<Row> rows, Long total) {}

    private Uni<AssetResponse> one(Uni<Row> row) {
        return row.chain(r -> withCandlePrices(List.of(r))).map(list -> list.get(0));
    }

    /**
     * The responses, where an asset has no catalogue price taking price, 24 h / 7 d change and 24 h volume from its
     * latest stored candle of the finest ingested timeframe (one statement for the whole page).
     */
    private Uni<List<AssetResponse>> withCandlePrices(List<Row> rows) {
        List<Long> missing = rows.stream()
                .filter(r -> r.response().currentPrice() == null)
                .map(Row::id)
                .toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(rows.stream().map(Row::response).toList());
        }
        return reads.latestQuotes(missing, quoteTimeframe)
                .map(quotes -> rows.stream()
                        .map(r -> quotes.containsKey(r.id())
                                ? fromCandle(r.response(), quotes.get(r.id()))
                                : r.response())
                        .toList());
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

    Uni<Map<String, Object>> applyMarkets(List<CoinGeckoClient.MarketRow> rows) {
        return tx.write(() -> assets.listAll().chain(existing -> {
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
        }));
    }

    Uni<List<String>> detailCandidates() {
        int limit = config.catalogue().detailsPerRun();
        return tx.read(() -> assets.findWithoutDescription())
                .map(list -> list.stream()
                        .filter(asset -> asset.externalIds.get("coingecko") != null)
                        .limit(limit)
                        .map(asset -> asset.externalIds.get("coingecko").toString())
                        .toList());
    }

    Uni<String> applyDetail(CoinGeckoClient.CoinDetail detail) {
        return tx.write(() -> assets.findWithoutDescription()
                .invoke(list -> list.stream()
                        .filter(asset -> detail.id().equals(String.valueOf(asset.externalIds.get("coingecko"))))
                        .forEach(asset -> {
                            asset.description = detail.description() == null ? "" : detail.description();
                            asset.links = new LinkedHashMap<>(detail.links());
                            if (asset.logoUrl == null) {
                                asset.logoUrl = detail.image();
                            }
                        }))
                .map(list -> detail.id()));
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

    private static Row listed(Cryptocurrency a) {
        return new Row(a.id, toResponse(a));
    }

    static AssetResponse toResponse(Cryptocurrency a) {
        return new AssetResponse(
                a.symbol,
                a.name,
                a.externalIds,
                a.currentPrice,
                a.currentPrice == null ? null : PriceSource.CATALOGUE,
                a.currentPrice == null ? null : a.updatedAt,
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

    /** {@code r} with price, 24 h / 7 d change and 24 h volume from the candle quote ({@link PriceSource#CANDLE}). */
    static AssetResponse fromCandle(AssetResponse r, Quote quote) {
        return new AssetResponse(
                r.symbol(),
                r.name(),
                r.externalIds(),
                quote.close(),
                PriceSource.CANDLE,
                quote.closedAt(),
                r.marketCap(),
                r.marketCapRank(),
                quote.volume24hUsd(),
                r.circulatingSupply(),
                r.totalSupply(),
                r.maxSupply(),
                quote.change24hPercent(),
                quote.change7dPercent(),
                null,
                r.description(),
                r.logoUrl(),
                r.links(),
                r.active(),
                r.supported(),
                r.updatedAt());
    }
}
