package org.coinpilot.sector.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.sector.api.SectorHistoryQuery;
import org.coinpilot.sector.api.SectorMemberResponse;
import org.coinpilot.sector.api.SectorPerformanceResponse;
import org.coinpilot.sector.api.SectorRequest;
import org.coinpilot.sector.api.SectorResponse;
import org.coinpilot.sector.api.SectorRotationResponse;
import org.coinpilot.sector.api.SectorSummary;
import org.coinpilot.sector.domain.CryptoSector;
import org.coinpilot.sector.domain.CryptoSectorMapping;
import org.coinpilot.sector.domain.SectorPerformance;
import org.coinpilot.sector.domain.SectorRotationAnalysis;
import org.coinpilot.sector.domain.SectorSlug;
import org.coinpilot.sector.persistence.CryptoSectorMappingRepository;
import org.coinpilot.sector.persistence.CryptoSectorRepository;
import org.coinpilot.sector.persistence.SectorPerformanceRepository;
import org.coinpilot.sector.persistence.SectorRotationAnalysisRepository;

/** The sector catalogue: admin edits and public reads (sectors, performance history, rotations). */
@ApplicationScoped
public class SectorService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final CryptoSectorRepository sectors;
    private final CryptoSectorMappingRepository mappings;
    private final SectorPerformanceRepository performance;
    private final SectorRotationAnalysisRepository rotations;
    private final MarketReadService market;
    private final Transactions tx;

    public SectorService(
            CryptoSectorRepository sectors,
            CryptoSectorMappingRepository mappings,
            SectorPerformanceRepository performance,
            SectorRotationAnalysisRepository rotations,
            MarketReadService market,
            Transactions tx) {
        this.sectors = sectors;
        this.mappings = mappings;
        this.performance = performance;
        this.rotations = rotations;
        this.market = market;
        this.tx = tx;
    }

    // ------------------------------------------------------------------------------------------------ reads

    public Uni<PageResponse<SectorSummary>> list(Boolean active, PageQuery page) {
        return tx.read(() -> {
            Uni<Long> total =
                    page.includeTotal ? sectors.count(active) : Uni.createFrom().nullItem();
            return total.chain(count -> sectors.findPage(active, page).chain(rows -> {
                List<Long> ids = rows.stream().map(s -> s.id).toList();
                if (ids.isEmpty()) {
                    return Uni.createFrom().item(PageResponse.of(List.<SectorSummary>of(), page, count));
                }
                return mappings.countBySectors(ids)
                        .chain(counts -> performance.latestOf(ids).map(latest -> {
                            Map<Long, Long> members = new LinkedHashMap<>();
                            counts.forEach(r -> members.put((Long) r[0], (Long) r[1]));
                            Map<Long, SectorPerformance> last = new LinkedHashMap<>();
                            latest.forEach(p -> last.put(p.sectorId, p));
                            return PageResponse.of(
                                    rows.stream()
                                            .map(s -> summary(s, members.getOrDefault(s.id, 0L), last.get(s.id)))
                                            .toList(),
                                    page,
                                    count);
                        }));
            }));
        });
    }

    /** A sector with its members (symbols from market's catalogue) and latest performance. */
    public Uni<SectorResponse> get(long id) {
        record Loaded(CryptoSector sector, List<CryptoSectorMapping> members, SectorPerformance latest) {}
        return tx.read(() -> load(id).chain(sector -> mappings.findBySectors(List.of(id))
                        .chain(members -> performance
                                .latestOf(List.of(id))
                                .map(latest -> new Loaded(sector, members, latest.isEmpty() ? null : latest.get(0))))))
                .chain(loaded -> market.assets(
                                loaded.members().stream().map(m -> m.cryptoId).toList())
                        .map(assets -> response(loaded.sector(), loaded.members(), assets, loaded.latest())));
    }

    /** A sector's performance snapshots, oldest first (keyset paging like candles). */
    public Uni<CursorPage<SectorPerformanceResponse>> performance(long id, SectorHistoryQuery query) {
        History h = History.parse(query);
        return tx.read(() -> load(id).chain(sector -> {
            if (h.forward()) {
                return performance
                        .pageForward(id, h.from(), h.cursor(), h.to(), h.limit() + 1)
                        .map(rows -> forward(
                                rows, h.limit(), SectorService::performanceResponse, p -> p.createdAt, p -> p.id));
            }
            return performance
                    .newest(id, h.to(), h.limit())
                    .map(rows -> new CursorPage<>(
                            reversed(rows).stream()
                                    .map(SectorService::performanceResponse)
                                    .toList(),
                            null));
        }));
    }

    /** Detected rotations, oldest first; {@code sectorId} keeps those from or to it. */
    public Uni<CursorPage<SectorRotationResponse>> rotations(String sector, SectorHistoryQuery query) {
        Long sectorId = sectorId(sector);
        History h = History.parse(query);
        SectorRotationAnalysisRepository.Filter filter =
                new SectorRotationAnalysisRepository.Filter(sectorId, h.from(), h.to());
        return tx.read(() -> {
            Uni<List<SectorRotationAnalysis>> rows = h.forward()
                    ? rotations.pageForward(filter, h.cursor(), h.limit() + 1)
                    : rotations.newest(filter, h.limit()).map(SectorService::reversed);
            return rows.chain(list -> {
                List<Long> ids = list.stream()
                        .flatMap(r -> java.util.stream.Stream.of(r.fromSectorId, r.toSectorId))
                        .distinct()
                        .toList();
                Uni<List<CryptoSector>> names =
                        ids.isEmpty() ? Uni.createFrom().item(List.of()) : sectors.findByIds(ids);
                return names.map(found -> {
                    Map<Long, String> byId = new LinkedHashMap<>();
                    found.forEach(s -> byId.put(s.id, s.name));
                    if (h.forward()) {
                        return forward(list, h.limit(), r -> rotationResponse(r, byId), r -> r.createdAt, r -> r.id);
                    }
                    return new CursorPage<>(
                            list.stream().map(r -> rotationResponse(r, byId)).toList(), null);
                });
            });
        });
    }

    // ------------------------------------------------------------------------------------------------ admin

    public Uni<SectorResponse> create(SectorRequest request) {
        String slug = slugOf(request, null);
        return tx.write(() -> sectors.findClash(request.name().trim(), slug, null)
                        .chain(clash -> {
                            if (clash != null) {
                                return Uni.createFrom().failure(exists(request.name(), slug));
                            }
                            CryptoSector sector = new CryptoSector();
                            apply(sector, request, slug);
                            return sectors.persist(sector);
                        }))
                .map(sector -> response(sector, List.of(), Map.of(), null));
    }

    /** Full update; without a slug in the request the sector keeps its slug (links and filters stay valid). */
    public Uni<SectorResponse> update(long id, SectorRequest request) {
        return tx.write(() -> load(id).chain(sector -> {
                    String slug = slugOf(request, sector.slug);
                    return sectors.findClash(request.name().trim(), slug, id).chain(clash -> {
                        if (clash != null) {
                            return Uni.createFrom().failure(exists(request.name(), slug));
                        }
                        apply(sector, request, slug);
                        return Uni.createFrom().item(sector);
                    });
                }))
                .replaceWith(get(id));
    }

    /** Deletes a sector with its memberships, performance history and rotations (foreign keys cascade). */
    public Uni<Void> delete(long id) {
        return tx.write(() -> load(id).chain(sector -> sectors.delete(sector)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    Uni<CryptoSector> load(long id) {
        return sectors.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException("SECTOR_NOT_FOUND", "No sector has the id " + id + "."));
    }

    /** The {@code sector} query parameter: a positive sector id, or null when absent; 400 naming it otherwise. */
    static Long sectorId(String sector) {
        if (sector == null || sector.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(sector.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequestProblemException("sector", "query", "must be a sector id (a positive integer)");
    }

    private static String slugOf(SectorRequest request, String current) {
        String slug =
                request.slug() != null ? request.slug() : current != null ? current : SectorSlug.of(request.name());
        if (slug.isEmpty()) {
            throw new BadRequestProblemException(
                    "slug", "body", "is required when the name has no letter or digit a-z / 0-9");
        }
        if (slug.length() > 100) {
            throw new BadRequestProblemException(
                    "slug", "body", "derived from the name it is longer than 100; give one");
        }
        return slug;
    }

    private static ConflictException exists(String name, String slug) {
        return new ConflictException(
                "SECTOR_EXISTS", "A sector named '" + name.trim() + "' or with the slug '" + slug + "' exists.");
    }

    private static void apply(CryptoSector sector, SectorRequest request, String slug) {
        sector.name = request.name().trim();
        sector.slug = slug;
        sector.description = request.description();
        sector.characteristics =
                request.characteristics() == null ? null : new LinkedHashMap<>(request.characteristics());
        sector.isActive = request.active() == null || request.active();
    }

    private static SectorSummary summary(CryptoSector s, long members, SectorPerformance p) {
        return new SectorSummary(
                s.id,
                s.name,
                s.slug,
                s.description,
                s.isActive,
                members,
                p == null ? null : p.performance24h,
                p == null ? null : p.performance7d,
                p == null ? null : p.performance30d,
                p == null ? null : p.createdAt);
    }

    private static SectorResponse response(
            CryptoSector s, List<CryptoSectorMapping> members, Map<Long, AssetRef> assets, SectorPerformance latest) {
        List<SectorMemberResponse> rows = members.stream()
                .sorted(Comparator.comparing(
                                (CryptoSectorMapping m) -> m.allocationPercentage,
                                Comparator.nullsFirst(Comparator.<java.math.BigDecimal>naturalOrder()))
                        .reversed()
                        .thenComparing(m -> m.cryptoId))
                .filter(m -> assets.containsKey(m.cryptoId))
                .map(m -> new SectorMemberResponse(
                        assets.get(m.cryptoId).symbol(),
                        assets.get(m.cryptoId).name(),
                        m.allocationPercentage,
                        m.isPrimarySector))
                .toList();
        return new SectorResponse(
                s.id,
                s.name,
                s.slug,
                s.description,
                s.characteristics,
                s.isActive,
                rows,
                latest == null ? null : performanceResponse(latest),
                s.createdAt,
                s.updatedAt);
    }

    static SectorPerformanceResponse performanceResponse(SectorPerformance p) {
        return new SectorPerformanceResponse(
                p.id,
                p.sectorId,
                p.performance24h,
                p.performance7d,
                p.performance30d,
                p.volumeChange,
                p.marketCapChange,
                p.performanceMetrics == null ? Map.of() : p.performanceMetrics,
                p.createdAt);
    }

    static SectorRotationResponse rotationResponse(SectorRotationAnalysis r, Map<Long, String> names) {
        return new SectorRotationResponse(
                r.id,
                r.fromSectorId,
                names.get(r.fromSectorId),
                r.toSectorId,
                names.get(r.toSectorId),
                r.rotationStrength,
                r.confidenceScore,
                r.rotationIndicators == null ? Map.of() : r.rotationIndicators,
                r.createdAt);
    }

    private static <E, R> CursorPage<R> forward(
            List<E> rows,
            int limit,
            java.util.function.Function<E, R> map,
            java.util.function.Function<E, Instant> time,
            java.util.function.Function<E, Long> id) {
        boolean more = rows.size() > limit;
        List<E> page = more ? rows.subList(0, limit) : rows;
        String next = more
                ? new Cursor(time.apply(page.get(page.size() - 1)), id.apply(page.get(page.size() - 1))).encode()
                : null;
        return new CursorPage<>(page.stream().map(map).toList(), next);
    }

    private static <E> List<E> reversed(List<E> rows) {
        List<E> copy = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** A parsed time-series query. */
    record History(Instant from, Instant to, int limit, Cursor cursor) {

        boolean forward() {
            return from != null || cursor != null;
        }

        static History parse(SectorHistoryQuery q) {
            Instant from = QueryParams.instant("from", q.from);
            Instant to = QueryParams.instant("to", q.to);
            QueryParams.requireOrdered("from", from, "to", to);
            int limit = DEFAULT_LIMIT;
            if (q.limit != null && !q.limit.isBlank()) {
                try {
                    limit = Integer.parseInt(q.limit.trim());
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1 || limit > MAX_LIMIT) {
                    throw new BadRequestProblemException("limit", "query", "must be an integer from 1 to 1000");
                }
            }
            Cursor cursor = q.cursor == null || q.cursor.isBlank() ? null : Cursor.decode(q.cursor.trim());
            return new History(from, to, limit, cursor);
        }
    }
}
