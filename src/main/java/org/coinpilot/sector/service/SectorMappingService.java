package org.coinpilot.sector.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.market.domain.CatalogueEntry;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.sector.api.AllocationRequest;
import org.coinpilot.sector.api.AssetSectorResponse;
import org.coinpilot.sector.api.AssetSectorsRequest;
import org.coinpilot.sector.api.AssetSectorsResponse;
import org.coinpilot.sector.api.SectorImportReport;
import org.coinpilot.sector.client.CoinGeckoCategoriesClient;
import org.coinpilot.sector.client.CoinGeckoCategoriesClient.CoinCategories;
import org.coinpilot.sector.config.SectorConfig;
import org.coinpilot.sector.domain.AllocationRules;
import org.coinpilot.sector.domain.AllocationRules.Allocation;
import org.coinpilot.sector.domain.CryptoSector;
import org.coinpilot.sector.domain.CryptoSectorMapping;
import org.coinpilot.sector.domain.SectorSlug;
import org.coinpilot.sector.persistence.CryptoSectorMappingRepository;
import org.coinpilot.sector.persistence.CryptoSectorRepository;
import org.coinpilot.sector.persistence.SectorMarketRepository;

/**
 * Which sectors an asset belongs to (docs/sectors.md, "Membership"): read, replace as a whole under the allocation
 * rules, and import from CoinGecko categories. Assets are market's: looked up by symbol through
 * {@link CandleSeriesService#assetId}, their catalogue entries through {@link MarketReadService}.
 */
@ApplicationScoped
public class SectorMappingService {

    private final CryptoSectorRepository sectors;
    private final CryptoSectorMappingRepository mappings;
    private final SectorMarketRepository marketViews;
    private final CandleSeriesService assetIds;
    private final MarketReadService market;
    private final CoinGeckoCategoriesClient coinGecko;
    private final SectorConfig config;
    private final Transactions tx;

    public SectorMappingService(
            CryptoSectorRepository sectors,
            CryptoSectorMappingRepository mappings,
            SectorMarketRepository marketViews,
            CandleSeriesService assetIds,
            MarketReadService market,
            CoinGeckoCategoriesClient coinGecko,
            SectorConfig config,
            Transactions tx) {
        this.sectors = sectors;
        this.mappings = mappings;
        this.marketViews = marketViews;
        this.assetIds = assetIds;
        this.market = market;
        this.coinGecko = coinGecko;
        this.config = config;
        this.tx = tx;
    }

    /** The sectors of the asset with this symbol; 404 ASSET_NOT_FOUND when there is none. */
    public Uni<AssetSectorsResponse> forAsset(String symbol) {
        return assetIds.assetId(symbol).chain(id -> tx.read(() -> view(id, symbol)));
    }

    /**
     * Replaces the asset's sectors with {@code request}'s: 422 naming the field when the allocations sum over 100,
     * when there is not exactly one primary, when a sector is listed twice or does not exist.
     */
    public Uni<AssetSectorsResponse> replace(String symbol, AssetSectorsRequest request) {
        List<Allocation> wanted = new ArrayList<>();
        for (AllocationRequest a : request.sectors()) {
            wanted.add(new Allocation(a.sectorId(), a.allocationPercentage(), Boolean.TRUE.equals(a.primary())));
        }
        List<AllocationRules.Violation> broken = AllocationRules.violations(wanted);
        if (!broken.isEmpty()) {
            return Uni.createFrom().failure(invalid(broken));
        }
        return assetIds.assetId(symbol)
                .chain(cryptoId -> tx.write(() -> {
                    List<Long> ids = wanted.stream().map(Allocation::sectorId).toList();
                    Uni<List<CryptoSector>> known =
                            ids.isEmpty() ? Uni.createFrom().item(List.of()) : sectors.findByIds(ids);
                    return known.chain(found -> {
                        Set<Long> existing = new HashSet<>();
                        found.forEach(s -> existing.add(s.id));
                        List<AllocationRules.Violation> unknown = new ArrayList<>();
                        for (int i = 0; i < wanted.size(); i++) {
                            if (!existing.contains(wanted.get(i).sectorId())) {
                                unknown.add(new AllocationRules.Violation(
                                        "sectors[" + i + "].sectorId",
                                        "no sector has the id " + wanted.get(i).sectorId()));
                            }
                        }
                        if (!unknown.isEmpty()) {
                            return Uni.createFrom()
                                    .failure(new BusinessRuleViolationException(
                                            "SECTOR_NOT_FOUND",
                                            "A sector of the request does not exist.",
                                            problems(unknown)));
                        }
                        return store(cryptoId, wanted).chain(() -> view(cryptoId, symbol));
                    });
                }));
    }

    // ------------------------------------------------------------------------------------------------ import

    /**
     * Imports the sectors of these assets from their CoinGecko categories, one asset at a time (the call happens
     * outside any transaction); an asset whose call fails keeps its sectors. With {@code replace} false, assets
     * that have sectors are skipped.
     */
    public Uni<SectorImportReport> importSymbols(List<String> symbols, boolean replace) {
        List<String> distinct = symbols.stream().distinct().toList();
        return Multi.createFrom()
                .iterable(distinct)
                .onItem()
                .transformToUniAndConcatenate(symbol -> assetIds.assetId(symbol)
                        .onFailure(ResourceNotFoundException.class)
                        .recoverWithNull()
                        .chain(id -> id == null
                                ? Uni.createFrom().item(item(symbol, "UNKNOWN_ASSET", List.of(), List.of(), null))
                                : importOne(id, replace)))
                .collect()
                .asList()
                .map(SectorMappingService::report);
    }

    /**
     * The {@code sector.mapping.import} job: imports active, supported assets without a sector, at most
     * {@code coinpilot.sector.importing.assets-per-run}. Fails (keeping every mapping) when every call failed.
     */
    public Uni<Map<String, Object>> importUnmapped() {
        int perRun = config.importing().assetsPerRun();
        return tx.statement(client -> marketViews.unmappedSupportedAssets(client))
                // only assets with a CoinGecko id can be imported; the others would take the run's places forever
                .chain(ids -> market.catalogue(ids)
                        .map(entries -> ids.stream()
                                .filter(id -> entries.containsKey(id)
                                        && entries.get(id).coingeckoId() != null
                                        && !entries.get(id).coingeckoId().isBlank())
                                .limit(perRun)
                                .toList()))
                .chain(ids -> Multi.createFrom()
                        .iterable(ids)
                        .onItem()
                        .transformToUniAndConcatenate(id -> importOne(id, false))
                        .collect()
                        .asList())
                .map(items -> {
                    SectorImportReport report = report(items);
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("assets", items.size());
                    result.put("imported", report.imported());
                    result.put("skipped", report.skipped());
                    result.put("failed", report.failed());
                    List<String> errors = items.stream()
                            .filter(i -> i.error() != null)
                            .map(i -> i.symbol() + ": " + i.error())
                            .toList();
                    if (!errors.isEmpty()) {
                        result.put("errors", errors);
                    }
                    if (report.failed() > 0 && report.failed() == items.size()) {
                        throw new ImportFailedException(
                                "every CoinGecko call failed; sectors unchanged: " + String.join("; ", errors));
                    }
                    return result;
                });
    }

    /** The job fails with this when no asset could be imported because CoinGecko did not answer. */
    public static class ImportFailedException extends RuntimeException {
        ImportFailedException(String message) {
            super(message, null, false, false);
        }
    }

    private Uni<SectorImportReport.Item> importOne(long cryptoId, boolean replace) {
        return market.catalogue(List.of(cryptoId)).chain(entries -> {
            CatalogueEntry entry = entries.get(cryptoId);
            if (entry == null) {
                return Uni.createFrom()
                        .item(item(String.valueOf(cryptoId), "UNKNOWN_ASSET", List.of(), List.of(), null));
            }
            if (entry.coingeckoId() == null || entry.coingeckoId().isBlank()) {
                return Uni.createFrom().item(item(entry.symbol(), "NO_COINGECKO_ID", List.of(), List.of(), null));
            }
            return tx.read(() -> mappings.findByCrypto(cryptoId)).chain(current -> {
                if (!current.isEmpty() && !replace) {
                    return Uni.createFrom().item(item(entry.symbol(), "ALREADY_MAPPED", List.of(), List.of(), null));
                }
                return coinGecko
                        .categories(entry.coingeckoId())
                        .chain(coin -> applyCategories(cryptoId, entry.symbol(), coin, replace))
                        .onFailure(f -> !(f instanceof ImportFailedException))
                        .recoverWithItem(f -> {
                            Log.infof("sector import of %s failed: %s", entry.symbol(), f.getMessage());
                            return item(entry.symbol(), "FAILED", List.of(), List.of(), message(f));
                        });
            });
        });
    }

    /** Matches categories to sectors and stores them, in one transaction (re-checking "already mapped"). */
    private Uni<SectorImportReport.Item> applyCategories(
            long cryptoId, String symbol, CoinCategories coin, boolean replace) {
        return tx.write(() -> sectors.findActive()
                .chain(active -> mappings.findByCrypto(cryptoId).chain(current -> {
                    if (!current.isEmpty() && !replace) {
                        return Uni.createFrom().item(item(symbol, "ALREADY_MAPPED", List.of(), List.of(), null));
                    }
                    List<CryptoSector> matched = new ArrayList<>();
                    List<String> unmatched = new ArrayList<>();
                    for (String category : coin.categories()) {
                        CryptoSector sector = match(active, category);
                        if (sector == null) {
                            unmatched.add(category);
                        } else if (!matched.contains(sector)) {
                            matched.add(sector);
                        }
                    }
                    if (matched.isEmpty()) {
                        return Uni.createFrom().item(item(symbol, "NO_MATCHING_SECTOR", List.of(), unmatched, null));
                    }
                    List<Allocation> allocations = split(matched);
                    return store(cryptoId, allocations)
                            .map(ignored -> item(
                                    symbol,
                                    "IMPORTED",
                                    matched.stream().map(s -> s.name).toList(),
                                    unmatched,
                                    null));
                })));
    }

    /**
     * A sector matches a category when its name equals it (any case), its slug is the category's slug, or its
     * {@code characteristics.coingeckoCategories} lists it (any case).
     */
    static CryptoSector match(List<CryptoSector> active, String category) {
        String lower = category.toLowerCase(Locale.ROOT);
        String slug = SectorSlug.of(category);
        for (CryptoSector s : active) {
            if (s.name.toLowerCase(Locale.ROOT).equals(lower) || s.slug.equals(slug)) {
                return s;
            }
        }
        for (CryptoSector s : active) {
            Object listed = s.characteristics == null ? null : s.characteristics.get("coingeckoCategories");
            if (listed instanceof List<?> names
                    && names.stream().anyMatch(n -> n != null && n.toString().equalsIgnoreCase(category))) {
                return s;
            }
        }
        return null;
    }

    /**
     * 100 % split evenly over the matched sectors, each share rounded down to 4 decimals and the remainder given to
     * the first (primary) one, so the shares sum to exactly 100.
     */
    static List<Allocation> split(List<CryptoSector> matched) {
        BigDecimal share = AllocationRules.HUNDRED.divide(BigDecimal.valueOf(matched.size()), 4, RoundingMode.DOWN);
        BigDecimal first = AllocationRules.HUNDRED.subtract(share.multiply(BigDecimal.valueOf(matched.size() - 1)));
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            allocations.add(new Allocation(matched.get(i).id, i == 0 ? first : share, i == 0));
        }
        return allocations;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Replaces the asset's rows: a bulk delete (executed at once), then the inserts (flushed at commit). */
    private Uni<Void> store(long cryptoId, List<Allocation> allocations) {
        return mappings.deleteByCrypto(cryptoId).chain(() -> {
            List<CryptoSectorMapping> rows = new ArrayList<>();
            for (Allocation a : allocations) {
                CryptoSectorMapping m = new CryptoSectorMapping();
                m.cryptoId = cryptoId;
                m.sectorId = a.sectorId();
                m.allocationPercentage = a.percentage().setScale(4, RoundingMode.HALF_EVEN);
                m.isPrimarySector = a.primary();
                rows.add(m);
            }
            return rows.isEmpty() ? Uni.createFrom().voidItem() : mappings.persist(rows);
        });
    }

    private Uni<AssetSectorsResponse> view(long cryptoId, String symbol) {
        return mappings.findByCrypto(cryptoId).chain(rows -> {
            List<Long> ids = rows.stream().map(m -> m.sectorId).toList();
            Uni<List<CryptoSector>> found = ids.isEmpty() ? Uni.createFrom().item(List.of()) : sectors.findByIds(ids);
            return found.map(list -> {
                Map<Long, CryptoSector> byId = new LinkedHashMap<>();
                list.forEach(s -> byId.put(s.id, s));
                BigDecimal total = BigDecimal.ZERO.setScale(4);
                List<AssetSectorResponse> out = new ArrayList<>();
                for (CryptoSectorMapping m : rows) {
                    CryptoSector s = byId.get(m.sectorId);
                    total = total.add(
                            m.allocationPercentage == null ? AllocationRules.HUNDRED : m.allocationPercentage);
                    out.add(new AssetSectorResponse(
                            m.sectorId, s.name, s.slug, m.allocationPercentage, m.isPrimarySector));
                }
                return new AssetSectorsResponse(symbol, out, total);
            });
        });
    }

    private static BusinessRuleViolationException invalid(List<AllocationRules.Violation> broken) {
        return new BusinessRuleViolationException(
                "SECTOR_ALLOCATION_INVALID",
                "The sectors break the allocation rules: " + broken.get(0).field() + " "
                        + broken.get(0).message() + ".",
                problems(broken));
    }

    private static List<Problem.Violation> problems(List<AllocationRules.Violation> broken) {
        return broken.stream()
                .map(v -> new Problem.Violation(v.field(), "body", v.message()))
                .toList();
    }

    private static SectorImportReport.Item item(
            String symbol, String status, List<String> sectors, List<String> unmatched, String error) {
        return new SectorImportReport.Item(symbol, status, sectors, unmatched, error);
    }

    private static SectorImportReport report(List<SectorImportReport.Item> items) {
        int imported =
                (int) items.stream().filter(i -> i.status().equals("IMPORTED")).count();
        int failed =
                (int) items.stream().filter(i -> i.status().equals("FAILED")).count();
        return new SectorImportReport(imported, items.size() - imported - failed, failed, items);
    }

    private static String message(Throwable f) {
        String m = f.getMessage();
        return m == null ? f.getClass().getSimpleName() : m;
    }
}
