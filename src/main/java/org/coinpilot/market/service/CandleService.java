package org.coinpilot.market.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.api.CandleQuery;
import org.coinpilot.market.api.CandleResponse;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.persistence.CandleRepository.CandleRow;

/**
 * Candle reads. Pages go oldest first. With {@code from} (or a cursor) the series is read forward by keyset on
 * {@code (candle_time, id)}; without, the newest {@code limit} candles before {@code to} are returned (no next
 * cursor: nothing newer is stored). Ranges reaching past the timeframe's retention also read
 * {@code price_data_archive}, transparently.
 */
@ApplicationScoped
public class CandleService {

    public static final int MAX_LIMIT = 1000;

    private final CandleRepository candles;
    private final CandleArchiveService archive;
    private final AccessStatsService stats;
    private final MarketConfig config;
    private final Clock clock;
    private final HotCandleCache cache;
    private final AssetIdCache assetIds;

    public CandleService(
            CandleRepository candles,
            CandleArchiveService archive,
            AccessStatsService stats,
            MarketConfig config,
            Clock clock,
            HotCandleCache cache,
            AssetIdCache assetIds) {
        this.cache = cache;
        this.assetIds = assetIds;
        this.candles = candles;
        this.archive = archive;
        this.stats = stats;
        this.config = config;
        this.clock = clock;
    }

    /** A checked candle query. */
    record Request(Timeframe timeframe, Instant from, Instant to, int limit, Cursor cursor, boolean withIndicators) {}

    public Uni<CursorPage<CandleResponse>> candles(String symbol, CandleQuery query) {
        Request request = check(query);
        Long known = assetIds.get(symbol);
        if (known != null) { // the usual case: no lookup stage in the pipeline
            return counted(known, request);
        }
        return candles.findAssetId(symbol)
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ResourceNotFoundException("ASSET_NOT_FOUND", "No asset has the symbol '" + symbol + "'."))
                .invoke(cryptoId -> assetIds.put(symbol, cryptoId))
                .chain(cryptoId -> counted(cryptoId, request));
    }

    private Uni<CursorPage<CandleResponse>> counted(long cryptoId, Request request) {
        return read(cryptoId, request).invoke(() -> stats.record(cryptoId, request.timeframe()));
    }

    private Uni<CursorPage<CandleResponse>> read(long cryptoId, Request request) {
        Duration retention = archive.retention(request.timeframe());
        Instant cutoff = retention == null ? null : clock.instant().minus(retention);
        boolean forward = request.from() != null || request.cursor() != null;
        if (forward) {
            Instant from = request.from();
            boolean withArchive = cutoff != null && (from == null || from.isBefore(cutoff));
            Instant after = request.cursor() == null ? null : request.cursor().time();
            return candles.page(
                            cryptoId,
                            request.timeframe(),
                            from,
                            request.to(),
                            after,
                            false,
                            request.limit() + 1,
                            withArchive,
                            request.withIndicators())
                    .map(rows -> toPage(rows, request.limit()));
        }
        if (request.to() == null && !request.withIndicators() && cache.serves(request.limit())) {
            List<CandleRow> hit = cache.newest(cryptoId, request.timeframe(), request.limit());
            if (hit != null) {
                return toPageUni(hit);
            }
            long generation = cache.generation(cryptoId, request.timeframe());
            Request all = new Request(request.timeframe(), null, null, cache.size(), null, false);
            return newest(cryptoId, all, cutoff)
                    .invoke(rows -> cache.put(cryptoId, request.timeframe(), generation, rows))
                    .chain(rows -> toPageUni(
                            rows.size() <= request.limit()
                                    ? rows
                                    : rows.subList(rows.size() - request.limit(), rows.size())));
        }
        return newestPage(cryptoId, request, cutoff);
    }

    /**
     * The newest {@code limit} candles before {@code to} as a page, oldest first; the archive is read only when
     * the live table has fewer. One stage after the query on the usual path (each stage costs a context capture).
     */
    private Uni<CursorPage<CandleResponse>> newestPage(long cryptoId, Request request, Instant cutoff) {
        return newestDescending(cryptoId, request, false)
                .chain(rows -> rows.size() < request.limit() && cutoff != null
                        ? newestDescending(cryptoId, request, true).map(archived -> page(ascending(archived)))
                        : Uni.createFrom().item(page(ascending(rows))));
    }

    /** The newest {@code limit} candles before {@code to}, oldest first; the archive is read only when needed. */
    private Uni<List<CandleRow>> newest(long cryptoId, Request request, Instant cutoff) {
        return newestDescending(cryptoId, request, false)
                .chain(rows -> rows.size() < request.limit() && cutoff != null
                        ? newestDescending(cryptoId, request, true)
                        : Uni.createFrom().item(rows))
                .map(CandleService::ascending);
    }

    private Uni<CursorPage<CandleResponse>> toPageUni(List<CandleRow> rows) {
        return Uni.createFrom().item(page(rows));
    }

    private static CursorPage<CandleResponse> page(List<CandleRow> ascending) {
        List<CandleResponse> items = new ArrayList<>(ascending.size());
        for (CandleRow row : ascending) {
            items.add(toResponse(row));
        }
        return new CursorPage<>(items, null);
    }

    private static List<CandleRow> ascending(List<CandleRow> descending) {
        List<CandleRow> ascending = new ArrayList<>(descending);
        Collections.reverse(ascending);
        return ascending;
    }

    private Uni<List<CandleRow>> newestDescending(long cryptoId, Request request, boolean withArchive) {
        return candles.page(
                cryptoId,
                request.timeframe(),
                null,
                request.to(),
                null,
                true,
                request.limit(),
                withArchive,
                request.withIndicators());
    }

    private static CursorPage<CandleResponse> toPage(List<CandleRow> rows, int limit) {
        boolean more = rows.size() > limit;
        List<CandleRow> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            CandleRow last = page.get(page.size() - 1);
            next = new Cursor(last.candleTime(), last.id()).encode();
        }
        return new CursorPage<>(page.stream().map(CandleService::toResponse).toList(), next);
    }

    static CandleResponse toResponse(CandleRow row) {
        return new CandleResponse(
                row.candleTime(), row.open(), row.high(), row.low(), row.close(), row.volume(), row.indicators());
    }

    private Request check(CandleQuery query) {
        Timeframe timeframe;
        try {
            timeframe = query.timeframe == null || query.timeframe.isBlank()
                    ? Timeframe.H1
                    : Timeframe.fromCode(query.timeframe.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestProblemException("timeframe", "query", "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w");
        }
        Instant from = instant("from", query.from);
        Instant to = instant("to", query.to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestProblemException("from", "query", "must be before to");
        }
        int limit = config.candles().defaultLimit();
        if (query.limit != null && !query.limit.isBlank()) {
            try {
                limit = Integer.parseInt(query.limit.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new BadRequestProblemException("limit", "query", "must be between 1 and " + MAX_LIMIT);
            }
        }
        Cursor cursor = query.cursor == null || query.cursor.isBlank() ? null : Cursor.decode(query.cursor.trim());
        boolean withIndicators = false;
        if (query.include != null && !query.include.isBlank()) {
            for (String part : query.include.split(",")) {
                if (!part.trim().equals("indicators")) {
                    throw new BadRequestProblemException("include", "query", "must be indicators");
                }
                withIndicators = true;
            }
        }
        return new Request(timeframe, from, to, limit, cursor, withIndicators);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestProblemException(
                    field, "query", "must be an ISO-8601 instant, e.g. 2024-01-01T00:00:00Z");
        }
    }
}
