package org.coinpilot.sector.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.sector.config.SectorConfig;
import org.coinpilot.sector.domain.CryptoSector;
import org.coinpilot.sector.domain.RotationRules;
import org.coinpilot.sector.domain.RotationRules.Rotation;
import org.coinpilot.sector.domain.RotationRules.Snapshot;
import org.coinpilot.sector.domain.SectorPerformance;
import org.coinpilot.sector.domain.SectorRotationAnalysis;
import org.coinpilot.sector.persistence.CryptoSectorRepository;
import org.coinpilot.sector.persistence.SectorPerformanceRepository;
import org.coinpilot.sector.persistence.SectorRotationAnalysisRepository;

/**
 * The {@code sector.rotation} job (docs/sectors.md, "Rotation"): reads the latest performance snapshot of every
 * active sector (fresher than {@code coinpilot.sector.rotation.max-snapshot-age}) and the one at least
 * {@code previous-at-least} older, applies {@link RotationRules} and stores the rotations found, in one transaction.
 */
@ApplicationScoped
public class SectorRotationService {

    private final CryptoSectorRepository sectors;
    private final SectorPerformanceRepository performance;
    private final SectorRotationAnalysisRepository rotations;
    private final SectorConfig config;
    private final Transactions tx;
    private final Clock clock;

    public SectorRotationService(
            CryptoSectorRepository sectors,
            SectorPerformanceRepository performance,
            SectorRotationAnalysisRepository rotations,
            SectorConfig config,
            Transactions tx,
            Clock clock) {
        this.sectors = sectors;
        this.performance = performance;
        this.rotations = rotations;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
    }

    public Uni<Map<String, Object>> detect() {
        Instant now = Times.now(clock);
        SectorConfig.Rotation c = config.rotation();
        RotationRules.Thresholds thresholds = new RotationRules.Thresholds(
                c.minSpread7d(), c.minFlowSpread(), c.strongSpread7d(), c.strongFlowSpread(), c.maxPairs());
        return tx.write(() -> sectors.findActive().chain(active -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("sectors", active.size());
            if (active.size() < 2) {
                result.put("rotations", 0);
                return Uni.createFrom().item(result);
            }
            List<Long> ids = active.stream().map(s -> s.id).toList();
            return performance.latestOf(ids).chain(latest -> {
                Instant newest = latest.stream()
                        .map(p -> p.createdAt)
                        .max(Instant::compareTo)
                        .orElse(now);
                return performance
                        .latestAtOrBefore(ids, newest.minus(c.previousAtLeast()))
                        .chain(previous -> {
                            List<Snapshot> snapshots = new ArrayList<>();
                            List<String> stale = new ArrayList<>();
                            Map<Long, SectorPerformance> before = new LinkedHashMap<>();
                            previous.forEach(p -> before.put(p.sectorId, p));
                            Map<Long, CryptoSector> byId = new LinkedHashMap<>();
                            active.forEach(s -> byId.put(s.id, s));
                            for (SectorPerformance p : latest) {
                                if (p.createdAt.isBefore(now.minus(c.maxSnapshotAge()))) {
                                    stale.add(byId.get(p.sectorId).name);
                                    continue;
                                }
                                snapshots.add(snapshot(byId.get(p.sectorId), p, before.get(p.sectorId)));
                            }
                            List<Rotation> found = RotationRules.detect(snapshots, thresholds);
                            result.put("fresh", snapshots.size());
                            result.put("staleSectors", stale);
                            result.put("rotations", found.size());
                            List<SectorRotationAnalysis> rows = new ArrayList<>();
                            for (Rotation r : found) {
                                SectorRotationAnalysis row = new SectorRotationAnalysis();
                                row.fromSectorId = r.fromSectorId();
                                row.toSectorId = r.toSectorId();
                                row.rotationStrength = r.strength();
                                row.confidenceScore = r.confidence();
                                row.rotationIndicators = r.indicators();
                                row.createdAt = now;
                                rows.add(row);
                            }
                            return rows.isEmpty()
                                    ? Uni.createFrom().item(result)
                                    : rotations.persist(rows).replaceWith(result);
                        });
            });
        }));
    }

    static Snapshot snapshot(CryptoSector sector, SectorPerformance p, SectorPerformance previous) {
        Map<String, Object> metrics = p.performanceMetrics == null ? Map.of() : p.performanceMetrics;
        return new Snapshot(
                sector.id,
                sector.name,
                d(p.performance24h),
                d(p.performance7d),
                d(p.performance30d),
                d(p.volumeChange),
                d(path(metrics, "breadth", "ratio")),
                d(path(metrics, "weighting", "7d", "coverage")),
                previous == null ? null : d(previous.performance7d));
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** A number from a column or JSON (a number or a decimal string), as a double; null otherwise. */
    static Double d(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
