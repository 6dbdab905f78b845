package org.coinpilot.market.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.market.api.CandlePageJson;
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
 *
 * <p>A page is returned as its UTF-8 JSON ({@code CursorPage<CandleResponse>}): written by {@link CandlePageJson}
 * without indicators, by Jackson with them. "Latest N" reads served by {@link HotCandleCache} return the page bytes
 * the cache keeps with the series, so a hit does no JSON work; the bytes are those an uncached read writes.
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
    private final ObjectMapper mapper;
    private final Transactions tx;

    public CandleService(
            CandleRepository candles,
            CandleArchiveService archive,
            AccessStatsService stats,
            MarketConfig config,
            Clock clock,
            HotCandleCache cache,
            AssetIdCache assetIds,
            ObjectMapper mapper,
            Transactions tx) {
        this.tx = tx;
        this.mapper = mapper;
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

    /** One page of candles as JSON bytes. */
    public Uni<byte[]> candles(String symbol, CandleQuery query) {
        Request request = check(query);
        Long known = assetIds.get(symbol);
        if (known != null) { // the usual case: no lookup stage in the pipeline
            return counted(known, request);
        }
        return tx.statement(client -> candles.findAssetId(client, symbol))
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ResourceNotFoundException("ASSET_NOT_FOUND", "No asset has the symbol '" + symbol + "'."))
                .invoke(cryptoId -> assetIds.put(symbol, cryptoId))
                .chain(cryptoId -> counted(cryptoId, request));
    }

    private Uni<byte[]> counted(long cryptoId, Request request) {
        return read(cryptoId, request).invoke(() -> stats.record(cryptoId, request.timeframe()));
    }

    private Uni<byte[]> read(long cryptoId, Request request) {
        Duration retention = archive.retention(request.timeframe());
        Instant cutoff = retention == null ? null : clock.instant().minus(retention);
        boolean forward = request.from() != null || request.cursor() != null;
        if (forward) {
            Instant from = request.from();
            boolean withArchive = cutoff != null && (from == null || from.isBefore(cutoff));
            Instant after = request.cursor() == null ? null : request.cursor().time();
            return tx.statement(client -> candles.page(
                            client,
                            cryptoId,
                            request.timeframe(),
                            from,
                            request.to(),
                            after,
                            false,
                            request.limit() + 1,
                            withArchive,
                            request.withIndicators()))
                    .map(rows -> forwardPage(rows, request.limit(), request.withIndicators()));
        }
        if (request.to() == null && !request.withIndicators() && cache.serves(request.limit())) {
            byte[] hit = cache.page(cryptoId, request.timeframe(), request.limit(), CandleService::json);
            if (hit != null) {
                return Uni.createFrom().item(hit);
            }
            long generation = cache.generation(cryptoId, request.timeframe());
            Request all = new Request(request.timeframe(), null, null, cache.size(), null, false);
            return newestDescending(cryptoId, all, false)
                    .chain(rows -> rows.size() < all.limit() && cutoff != null
                            ? newestDescending(cryptoId, all, true)
                            : Uni.createFrom().item(rows))
                    .map(descending -> {
                        List<CandleRow> rows = ascending(descending);
                        cache.put(cryptoId, request.timeframe(), generation, rows);
                        byte[] page = cache.page(cryptoId, request.timeframe(), request.limit(), CandleService::json);
                        return page != null ? page : json(tail(rows, request.limit()));
                    });
        }
        return newestPage(cryptoId, request, cutoff);
    }

    /**
     * The newest {@code limit} candles before {@code to} as a page, oldest first; the archive is read only when
     * the live table has fewer. One stage after the query on the usual path (each stage costs a context capture).
     */
    private Uni<byte[]> newestPage(long cryptoId, Request request, Instant cutoff) {
        boolean indicators = request.withIndicators();
        return newestDescending(cryptoId, request, false)
                .chain(rows -> rows.size() < request.limit() && cutoff != null
                        ? newestDescending(cryptoId, request, true).map(archived -> newestJson(archived, indicators))
                        : Uni.createFrom().item(newestJson(rows, indicators)));
    }

    /** The page of candles read newest first: written oldest first, without copying the list. */
    private byte[] newestJson(List<CandleRow> descending, boolean indicators) {
        if (indicators) {
            return jackson(ascending(descending), null);
        }
        CandlePageJson page = new CandlePageJson(descending.size());
        for (int i = descending.size() - 1; i >= 0; i--) {
            write(page, descending.get(i));
        }
        return page.finish(null);
    }

    /** The JSON of a page without indicators and without a next cursor, candles oldest first. */
    static byte[] json(List<CandleRow> ascending) {
        return json(ascending, null);
    }

    private static byte[] json(List<CandleRow> ascending, String nextCursor) {
        CandlePageJson page = new CandlePageJson(ascending.size());
        for (int i = 0, n = ascending.size(); i < n; i++) {
            write(page, ascending.get(i));
        }
        return page.finish(nextCursor);
    }

    private static void write(CandlePageJson page, CandleRow row) {
        page.candle(
                row.candleTime(),
                row.open(),
                row.high(),
                row.low(),
                row.close(),
                row.volume(),
                row.baseVolume(),
                row.quoteVolume());
    }

    /** A page with indicators, through the application's Jackson mapper (what the REST layer would write). */
    private byte[] jackson(List<CandleRow> ascending, String nextCursor) {
        List<CandleResponse> items = new ArrayList<>(ascending.size());
        for (CandleRow row : ascending) {
            items.add(toResponse(row));
        }
        try {
            return mapper.writeValueAsBytes(new CursorPage<>(items, nextCursor));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CandleRow> ascending(List<CandleRow> descending) {
        int n = descending.size();
        List<CandleRow> ascending = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            ascending.add(descending.get(i));
        }
        return ascending;
    }

    private static List<CandleRow> tail(List<CandleRow> rows, int limit) {
        return rows.size() <= limit ? rows : rows.subList(rows.size() - limit, rows.size());
    }

    private Uni<List<CandleRow>> newestDescending(long cryptoId, Request request, boolean withArchive) {
        return tx.statement(client -> candles.page(
                client,
                cryptoId,
                request.timeframe(),
                null,
                request.to(),
                null,
                true,
                request.limit(),
                withArchive,
                request.withIndicators()));
    }

    private byte[] forwardPage(List<CandleRow> rows, int limit, boolean indicators) {
        boolean more = rows.size() > limit;
        List<CandleRow> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            CandleRow last = page.get(page.size() - 1);
            next = new Cursor(last.candleTime(), last.id()).encode();
        }
        return indicators ? jackson(page, next) : json(page, next);
    }

    static CandleResponse toResponse(CandleRow row) {
        return new CandleResponse(
                row.candleTime(),
                decimal(row.open()),
                decimal(row.high()),
                decimal(row.low()),
                decimal(row.close()),
                decimal(row.volume()),
                decimal(row.baseVolume()),
                decimal(row.quoteVolume()),
                row.indicators());
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
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
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
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
}
