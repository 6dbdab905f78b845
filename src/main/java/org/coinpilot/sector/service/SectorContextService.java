package org.coinpilot.sector.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.sector.domain.CryptoSector;
import org.coinpilot.sector.domain.CryptoSectorMapping;
import org.coinpilot.sector.domain.SectorPerformance;
import org.coinpilot.sector.domain.SectorRotationAnalysis;
import org.coinpilot.sector.persistence.CryptoSectorMappingRepository;
import org.coinpilot.sector.persistence.CryptoSectorRepository;
import org.coinpilot.sector.persistence.SectorPerformanceRepository;
import org.coinpilot.sector.persistence.SectorRotationAnalysisRepository;

/**
 * Layer 2 as other features read it (predictions snapshot it): an asset's sectors, each with its newest performance
 * snapshot created at or before an instant, and the rotations into or out of them detected in the
 * {@value #ROTATION_DAYS} days up to that instant. Memberships are not versioned: they are the current ones; the
 * performance and rotations are those known at the instant (nothing created after it).
 */
@ApplicationScoped
public class SectorContextService {

    /** How far back rotations count as the sector's current rotation state. */
    public static final int ROTATION_DAYS = 7;

    /** One sector of an asset, with what was known of it at the instant. */
    public record SectorState(
            long sectorId,
            String slug,
            String name,
            boolean active,
            BigDecimal allocationPercentage,
            boolean primary,
            Instant performanceAt,
            BigDecimal performance24h,
            BigDecimal performance7d,
            BigDecimal performance30d,
            BigDecimal volumeChange,
            BigDecimal marketCapChange) {}

    /** A rotation touching one of the asset's sectors; {@code direction} is {@code in} (towards it) or {@code out}. */
    public record Rotation(
            long id,
            long fromSectorId,
            long toSectorId,
            String direction,
            BigDecimal strength,
            BigDecimal confidence,
            Instant detectedAt) {}

    /**
     * An asset's layer 2 at an instant. {@code rotationState} of the primary sector: {@code inflow} / {@code outflow}
     * when its newest rotation of the window ran towards / away from it, {@code none} without one, null without a
     * primary sector.
     */
    public record AssetSectorContext(
            long cryptoId, List<SectorState> sectors, List<Rotation> rotations, String rotationState) {

        /** As stored in a context column (decimal strings, ISO instants). */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            List<Map<String, Object>> list = new ArrayList<>();
            for (SectorState s : sectors) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sectorId", s.sectorId());
                m.put("slug", s.slug());
                m.put("name", s.name());
                m.put("active", s.active());
                m.put("allocationPercentage", text(s.allocationPercentage()));
                m.put("primary", s.primary());
                m.put(
                        "performanceAt",
                        s.performanceAt() == null ? null : s.performanceAt().toString());
                m.put("performance24h", text(s.performance24h()));
                m.put("performance7d", text(s.performance7d()));
                m.put("performance30d", text(s.performance30d()));
                m.put("volumeChange", text(s.volumeChange()));
                m.put("marketCapChange", text(s.marketCapChange()));
                list.add(m);
            }
            map.put("sectors", list);
            List<Map<String, Object>> rot = new ArrayList<>();
            for (Rotation r : rotations) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("fromSectorId", r.fromSectorId());
                m.put("toSectorId", r.toSectorId());
                m.put("direction", r.direction());
                m.put("strength", text(r.strength()));
                m.put("confidence", text(r.confidence()));
                m.put("detectedAt", r.detectedAt().toString());
                rot.add(m);
            }
            map.put("rotationWindowDays", ROTATION_DAYS);
            map.put("rotations", rot);
            map.put("rotationState", rotationState);
            return map;
        }

        private static String text(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }
    }

    private final CryptoSectorMappingRepository mappings;
    private final CryptoSectorRepository sectors;
    private final SectorPerformanceRepository performance;
    private final SectorRotationAnalysisRepository rotations;
    private final Transactions tx;

    public SectorContextService(
            CryptoSectorMappingRepository mappings,
            CryptoSectorRepository sectors,
            SectorPerformanceRepository performance,
            SectorRotationAnalysisRepository rotations,
            Transactions tx) {
        this.mappings = mappings;
        this.sectors = sectors;
        this.performance = performance;
        this.rotations = rotations;
        this.tx = tx;
    }

    /** Layer 2 of each of these assets at {@code at}, in one session (an asset without sectors has empty lists). */
    public Uni<Map<Long, AssetSectorContext>> asOf(Collection<Long> cryptoIds, Instant at) {
        if (cryptoIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.read(() -> mappings.findByCryptos(cryptoIds).chain(members -> {
            List<Long> sectorIds =
                    members.stream().map(m -> m.sectorId).distinct().toList();
            if (sectorIds.isEmpty()) {
                return Uni.createFrom().item(assemble(cryptoIds, members, List.of(), List.of(), List.of()));
            }
            return sectors.findByIds(sectorIds)
                    .chain(found -> performance
                            .latestAtOrBefore(sectorIds, at)
                            .chain(snapshots -> rotations
                                    .touchingBetween(sectorIds, at.minus(Duration.ofDays(ROTATION_DAYS)), at)
                                    .map(rotated -> assemble(cryptoIds, members, found, snapshots, rotated))));
        }));
    }

    private static Map<Long, AssetSectorContext> assemble(
            Collection<Long> cryptoIds,
            List<CryptoSectorMapping> members,
            List<CryptoSector> found,
            List<SectorPerformance> snapshots,
            List<SectorRotationAnalysis> rotated) {
        Map<Long, CryptoSector> byId = new LinkedHashMap<>();
        found.forEach(s -> byId.put(s.id, s));
        Map<Long, SectorPerformance> latest = new LinkedHashMap<>();
        snapshots.forEach(p -> latest.put(p.sectorId, p));
        Map<Long, AssetSectorContext> result = new LinkedHashMap<>();
        for (Long cryptoId : cryptoIds) {
            List<SectorState> states = new ArrayList<>();
            Long primary = null;
            for (CryptoSectorMapping m : members) {
                if (!m.cryptoId.equals(cryptoId)) {
                    continue;
                }
                CryptoSector sector = byId.get(m.sectorId);
                SectorPerformance p = latest.get(m.sectorId);
                if (m.isPrimarySector) {
                    primary = m.sectorId;
                }
                states.add(new SectorState(
                        m.sectorId,
                        sector == null ? null : sector.slug,
                        sector == null ? null : sector.name,
                        sector != null && sector.isActive,
                        m.allocationPercentage,
                        m.isPrimarySector,
                        p == null ? null : p.createdAt,
                        p == null ? null : p.performance24h,
                        p == null ? null : p.performance7d,
                        p == null ? null : p.performance30d,
                        p == null ? null : p.volumeChange,
                        p == null ? null : p.marketCapChange));
            }
            List<Long> own = states.stream().map(SectorState::sectorId).toList();
            List<Rotation> touching = new ArrayList<>();
            String state = primary == null ? null : "none";
            for (SectorRotationAnalysis r : rotated) { // newest first
                boolean in = own.contains(r.toSectorId);
                if (!in && !own.contains(r.fromSectorId)) {
                    continue;
                }
                touching.add(new Rotation(
                        r.id,
                        r.fromSectorId,
                        r.toSectorId,
                        in ? "in" : "out",
                        r.rotationStrength,
                        r.confidenceScore,
                        r.createdAt));
                if ("none".equals(state)) {
                    if (primary.equals(r.toSectorId)) {
                        state = "inflow";
                    } else if (primary.equals(r.fromSectorId)) {
                        state = "outflow";
                    }
                }
            }
            result.put(cryptoId, new AssetSectorContext(cryptoId, states, touching, state));
        }
        return result;
    }
}
