package org.coinpilot.indicators.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.indicators.api.IndicatorPoint;
import org.coinpilot.indicators.api.IndicatorQuery;
import org.coinpilot.indicators.api.IndicatorSeriesPage;
import org.coinpilot.indicators.api.IndicatorSeriesResponse;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.indicators.domain.IndicatorResult;
import org.coinpilot.indicators.domain.IndicatorSpec;
import org.coinpilot.indicators.domain.InvalidIndicatorKeyException;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.CandleSeriesService.Series;

/**
 * Indicator series on demand. Look-back: the series is loaded from its first stored candle (live and archived) up
 * to {@code to}, and every indicator runs over all of it, so each value is exactly the batch value over the full
 * history, equal to the stored one; nothing is extrapolated. Pages are keyset on the candle time, like candles.
 */
@ApplicationScoped
public class IndicatorQueryService {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_KEYS = 20;

    private final CandleSeriesService series;
    private final IndicatorComputeService stored;
    private final Vertx vertx;

    public IndicatorQueryService(CandleSeriesService series, IndicatorComputeService stored, Vertx vertx) {
        this.series = series;
        this.stored = stored;
        this.vertx = vertx;
    }

    /** A checked query. */
    record Request(
            Timeframe timeframe, List<IndicatorSpec> specs, Instant from, Instant to, int limit, Cursor cursor) {}

    public Uni<IndicatorSeriesPage> series(String symbol, IndicatorQuery query) {
        Request request = check(query);
        return series.assetId(symbol)
                .chain(cryptoId -> series.series(cryptoId, request.timeframe(), request.to()))
                .chain(candles -> vertx.executeBlocking(() -> page(symbol, request, candles), false));
    }

    private static IndicatorSeriesPage page(String symbol, Request request, Series candles) {
        int n = candles.size();
        Instant[] times = candles.times();
        int start = 0;
        if (request.from() != null) {
            while (start < n && times[start].isBefore(request.from())) {
                start++;
            }
        }
        if (request.cursor() != null) {
            while (start < n && !times[start].isAfter(request.cursor().time())) {
                start++;
            }
        }
        int end;
        String next = null;
        boolean forward = request.from() != null || request.cursor() != null;
        if (forward) {
            end = Math.min(n, start + request.limit());
            if (end < n) {
                next = new Cursor(times[end - 1], candles.ids()[end - 1]).encode();
            }
        } else {
            end = n;
            start = Math.max(start, n - request.limit());
        }
        Candles input = IndicatorComputeService.toCandles(candles);
        long interval = input.interval();
        String volumeNote = end > start ? unknownVolumeNote(candles, end) : null;
        List<IndicatorSeriesResponse> items = new ArrayList<>();
        for (IndicatorSpec spec : request.specs()) {
            IndicatorResult result = spec.compute(input);
            List<String> outputs = spec.outputs();
            List<IndicatorPoint> points = new ArrayList<>(Math.max(0, end - start));
            for (int i = start; i < end; i++) {
                Map<String, Double> values = new LinkedHashMap<>();
                boolean satisfied = true;
                for (int o = 0; o < outputs.size(); o++) {
                    double v = result.outputs()[o][i];
                    boolean exists = !Double.isNaN(v);
                    satisfied &= exists;
                    values.put(outputs.get(o), exists ? v : null);
                }
                points.add(new IndicatorPoint(times[i], values, satisfied));
            }
            items.add(new IndicatorSeriesResponse(
                    spec.key(),
                    spec.kind().name(),
                    spec.variant(interval),
                    spec.warmup(),
                    outputs,
                    end > start ? end : 0,
                    n == 0 ? null : times[0],
                    points,
                    spec.kind().usesVolume() ? volumeNote : null));
        }
        return new IndicatorSeriesPage(symbol, request.timeframe(), items, next);
    }

    /**
     * Why a volume indicator has gaps: base-asset volume unknown for some of the candles {@code [0, end)} the page
     * was computed from (candles stored before it was kept); null when every one has it.
     */
    static String unknownVolumeNote(Series candles, int end) {
        double[] base = candles.baseVolume();
        int unknown = 0;
        int last = -1;
        for (int i = 0; i < end; i++) {
            if (Double.isNaN(base[i])) {
                unknown++;
                last = i;
            }
        }
        if (unknown == 0) {
            return null;
        }
        return "Base-asset volume is unknown for " + unknown + " of the " + end + " candles used (stored before"
                + " base volume was kept; the last of them opens at " + candles.times()[last] + "): values that"
                + " depend on them are null, and OBV and MFI start again after such a candle. Import these candles"
                + " again with their base volume (Binance klines or CSV) to fill them.";
    }

    private Request check(IndicatorQuery query) {
        Timeframe timeframe;
        try {
            timeframe = query.timeframe == null || query.timeframe.isBlank()
                    ? Timeframe.H1
                    : Timeframe.fromCode(query.timeframe.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestProblemException("timeframe", "query", "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w");
        }
        List<IndicatorSpec> specs = specs(query.set);
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        int limit = DEFAULT_LIMIT;
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
        return new Request(timeframe, specs, from, to, limit, cursor);
    }

    private List<IndicatorSpec> specs(String set) {
        List<String> keys = set == null || set.isBlank() ? stored.storedKeys() : List.of(set.split(",", -1));
        Map<String, IndicatorSpec> specs = new LinkedHashMap<>();
        for (String raw : keys) {
            String key = raw.trim();
            if (key.isEmpty()) {
                throw new BadRequestProblemException("set", "query", "contains an empty key");
            }
            try {
                IndicatorSpec spec = IndicatorSpec.parse(key);
                specs.putIfAbsent(spec.key(), spec);
            } catch (InvalidIndicatorKeyException e) {
                throw new BadRequestProblemException("set", "query", e.getMessage());
            }
        }
        if (specs.size() > MAX_KEYS) {
            throw new BadRequestProblemException("set", "query", "at most " + MAX_KEYS + " keys");
        }
        return List.copyOf(specs.values());
    }
}
