package org.coinpilot.sector.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.domain.CatalogueEntry;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.sector.config.SectorConfig;
import org.coinpilot.sector.domain.AssetMove;
import org.coinpilot.sector.domain.CryptoSector;
import org.coinpilot.sector.domain.CryptoSectorMapping;
import org.coinpilot.sector.domain.SectorPerformance;
import org.coinpilot.sector.domain.SectorPerformanceCalculator;
import org.coinpilot.sector.domain.SectorPerformanceCalculator.Figures;
import org.coinpilot.sector.domain.SectorPerformanceCalculator.Member;
import org.coinpilot.sector.persistence.CryptoSectorMappingRepository;
import org.coinpilot.sector.persistence.CryptoSectorRepository;
import org.coinpilot.sector.persistence.SectorMarketRepository;
import org.coinpilot.sector.persistence.SectorMarketRepository.MoveRow;
import org.coinpilot.sector.persistence.SectorPerformanceRepository;

/**
 * The {@code sector.performance} job (docs/sectors.md, "Performance"): one snapshot per active sector from its
 * members' moves. Prices, changes and volumes come from market's published candles ({@code market_candles}), market
 * caps from {@link MarketReadService#catalogue}. An asset whose latest candle is older than
 * {@code coinpilot.sector.performance.stale-after} is left out; a sector with nothing to compute gets no new row, so
 * its last good snapshot stays the latest (the run's result names it).
 */
@ApplicationScoped
public class SectorPerformanceService {

    private final CryptoSectorRepository sectors;
    private final CryptoSectorMappingRepository mappings;
    private final SectorPerformanceRepository performance;
    private final SectorMarketRepository marketViews;
    private final MarketReadService market;
    private final SectorConfig config;
    private final Transactions tx;
    private final Clock clock;

    public SectorPerformanceService(
            CryptoSectorRepository sectors,
            CryptoSectorMappingRepository mappings,
            SectorPerformanceRepository performance,
            SectorMarketRepository marketViews,
            MarketReadService market,
            SectorConfig config,
            Transactions tx,
            Clock clock) {
        this.sectors = sectors;
        this.mappings = mappings;
        this.performance = performance;
        this.marketViews = marketViews;
        this.market = market;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
    }

    private record Universe(List<CryptoSector> sectors, List<CryptoSectorMapping> members) {}

    /** Computes and stores a snapshot of every active sector; returns what it did. */
    public Uni<Map<String, Object>> compute() {
        Instant now = Times.now(clock);
        Timeframe timeframe = Timeframe.fromCode(config.performance().timeframe());
        return tx.read(() -> sectors.findActive()
                        .chain(active -> active.isEmpty()
                                ? Uni.createFrom().item(new Universe(active, List.of()))
                                : mappings.findBySectors(
                                                active.stream().map(s -> s.id).toList())
                                        .map(members -> new Universe(active, members))))
                .chain(universe -> {
                    List<Long> ids = universe.members().stream()
                            .map(m -> m.cryptoId)
                            .distinct()
                            .toList();
                    if (ids.isEmpty()) {
                        return store(universe, Map.of(), new TreeSet<>(), now);
                    }
                    return market.catalogue(ids)
                            .chain(catalogue -> tx.statement(client -> marketViews.moves(client, ids, timeframe))
                                    .map(rows -> moves(rows, catalogue, timeframe, now)))
                            .chain(moves -> store(universe, moves.fresh(), moves.stale(), now));
                });
    }

    private record Moves(Map<Long, AssetMove> fresh, TreeSet<String> stale) {}

    private Moves moves(List<MoveRow> rows, Map<Long, CatalogueEntry> catalogue, Timeframe timeframe, Instant now) {
        Map<Long, AssetMove> fresh = new LinkedHashMap<>();
        TreeSet<String> stale = new TreeSet<>();
        for (MoveRow r : rows) {
            CatalogueEntry entry = catalogue.get(r.cryptoId());
            String symbol = entry == null ? String.valueOf(r.cryptoId()) : entry.symbol();
            Instant closedAt = r.candleTime().plus(timeframe.duration());
            if (closedAt.isBefore(now.minus(config.performance().staleAfter()))) {
                stale.add(symbol);
                continue;
            }
            fresh.put(
                    r.cryptoId(),
                    new AssetMove(
                            r.cryptoId(),
                            symbol,
                            entry == null ? null : entry.marketCapUsd(),
                            change(r.close(), r.close24h()),
                            change(r.close(), r.close7d()),
                            change(r.close(), r.close30d()),
                            r.volume24h(),
                            r.volumePrev24h(),
                            closedAt));
        }
        return new Moves(fresh, stale);
    }

    /** A membership's allocation; NULL (rows written outside the API, as the seed allows) counts as 100 %. */
    static BigDecimal allocation(CryptoSectorMapping m) {
        return m.allocationPercentage == null ? BigDecimal.valueOf(100) : m.allocationPercentage;
    }

    /** {@code (close - reference) / reference × 100}, scale 8 (rounded to 4 only in the weighted result). */
    static BigDecimal change(BigDecimal close, BigDecimal reference) {
        if (close == null || reference == null || reference.signum() == 0) {
            return null;
        }
        return close.subtract(reference).multiply(BigDecimal.valueOf(100)).divide(reference, 8, RoundingMode.HALF_EVEN);
    }

    private Uni<Map<String, Object>> store(
            Universe universe, Map<Long, AssetMove> moves, TreeSet<String> stale, Instant now) {
        List<SectorPerformance> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (CryptoSector sector : universe.sectors()) {
            List<Member> members = new ArrayList<>();
            List<String> staleMembers = new ArrayList<>();
            for (CryptoSectorMapping m : universe.members()) {
                if (m.sectorId.equals(sector.id)) {
                    AssetMove move = moves.get(m.cryptoId);
                    if (move != null) {
                        members.add(new Member(move, allocation(m)));
                    }
                }
            }
            Figures f = SectorPerformanceCalculator.compute(
                    members, config.performance().leaders());
            if (members.isEmpty() || f.empty()) {
                skipped.add(sector.name);
                continue;
            }
            SectorPerformance p = new SectorPerformance();
            p.sectorId = sector.id;
            p.performance24h = f.performance24h();
            p.performance7d = f.performance7d();
            p.performance30d = f.performance30d();
            p.volumeChange = f.volumeChange();
            p.marketCapChange = f.marketCapChange();
            Map<String, Object> metrics = new LinkedHashMap<>(f.metrics());
            metrics.put("timeframe", config.performance().timeframe());
            metrics.put(
                    "dataAsOf",
                    members.stream()
                            .map(m -> m.move().closedAt())
                            .max(Instant::compareTo)
                            .map(Instant::toString)
                            .orElse(null));
            long mapped = universe.members().stream()
                    .filter(m -> m.sectorId.equals(sector.id))
                    .count();
            metrics.put("mappedMembers", mapped);
            metrics.put("membersWithoutFreshData", mapped - members.size());
            p.performanceMetrics = metrics;
            p.createdAt = now;
            rows.add(p);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sectors", universe.sectors().size());
        result.put("written", rows.size());
        result.put("skipped", skipped);
        result.put("staleAssets", List.copyOf(stale));
        if (rows.isEmpty()) {
            return Uni.createFrom().item(result);
        }
        return tx.write(() -> performance.persist(rows)).replaceWith(result);
    }
}
