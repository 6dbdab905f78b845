package org.coinpilot.macro.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.macro.api.RegimeResponse;
import org.coinpilot.macro.api.SeriesQuery;
import org.coinpilot.macro.config.MacroConfig;
import org.coinpilot.macro.domain.DailySeries;
import org.coinpilot.macro.domain.MacroCsv;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.domain.RegimeInputs;
import org.coinpilot.macro.domain.RegimeRules;
import org.coinpilot.macro.domain.SeriesDay.Dominance;
import org.coinpilot.macro.domain.SeriesDay.Regime;
import org.coinpilot.macro.domain.SeriesDay.Sentiment;
import org.coinpilot.macro.domain.SeriesDay.Upserted;
import org.coinpilot.macro.persistence.DominanceSqlRepository;
import org.coinpilot.macro.persistence.RegimeSqlRepository;
import org.coinpilot.macro.persistence.SentimentSqlRepository;
import org.coinpilot.market.service.CandleSeriesService;

/**
 * Classifies the market regime day by day ({@link RegimeRules}, docs/macro.md). Candles are read only through
 * market's {@link CandleSeriesService} (daily candles of the lead asset and the breadth set); fear &amp; greed and the
 * total market cap from macro's own tables. Each day is computed from values on or before it and the regime of the day
 * before, so recomputing a range after later data arrived gives the same days (no look-ahead). The job continues
 * after the newest classified day (the whole history on its first run); the admin backfill recomputes a range.
 */
@ApplicationScoped
public class RegimeService {

    private final RegimeSqlRepository regimes;
    private final SentimentSqlRepository sentiment;
    private final DominanceSqlRepository dominance;
    private final CandleSeriesService candles;
    private final MacroConfig config;
    private final Transactions tx;
    private final MacroOverviewService overview;

    public RegimeService(
            RegimeSqlRepository regimes,
            SentimentSqlRepository sentiment,
            DominanceSqlRepository dominance,
            CandleSeriesService candles,
            MacroConfig config,
            Transactions tx,
            MacroOverviewService overview) {
        this.overview = overview;
        this.regimes = regimes;
        this.sentiment = sentiment;
        this.dominance = dominance;
        this.candles = candles;
        this.config = config;
        this.tx = tx;
    }

    /** What a run read and wrote. */
    public record Outcome(
            LocalDate from,
            LocalDate to,
            int classified,
            long inserted,
            long updated,
            MarketRegime last,
            Timings timings) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("from", from == null ? null : from.toString());
            map.put("to", to == null ? null : to.toString());
            map.put("classified", classified);
            map.put("inserted", inserted);
            map.put("updated", updated);
            map.put("lastRegime", last == null ? null : last.dbValue());
            map.put("readMillis", timings.readMillis());
            map.put("classifyMillis", timings.classifyMillis());
            map.put("writeMillis", timings.writeMillis());
            return map;
        }
    }

    /**
     * Wall time of a run's phases: reading the candles (through market's service) and macro's series, classifying the
     * days, writing them.
     */
    public record Timings(long readMillis, long classifyMillis, long writeMillis) {}

    /** The inputs of a run, read once. */
    record Data(DailySeries lead, List<DailySeries> breadth, DailySeries fearGreed, DailySeries totalMarket) {}

    /** The job body: the days after the newest classified one, up to the newest closed daily candle of the lead. */
    public Uni<Outcome> classifyNewDays() {
        return tx.statement(regimes::lastDay).chain(last -> run(last == null ? null : last.plusDays(1), null));
    }

    /** Admin backfill: recomputes {@code from}–{@code to} (inclusive days; null: the whole stored history). */
    public Uni<Outcome> backfill(String from, String to) {
        LocalDate f = day("from", from);
        LocalDate t = day("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw new BadRequestProblemException("from", "query", "must not be after to");
        }
        return run(f, t);
    }

    public Uni<CursorPage<RegimeResponse>> history(SeriesQuery query) {
        SeriesPaging.Request request = SeriesPaging.check(query);
        return tx.statement(c -> regimes.page(c, request.bounds(), request.newest()))
                .map(rows -> SeriesPaging.page(request, rows, Regime::day, Regime::id, RegimeResponse::of));
    }

    private Uni<Outcome> run(LocalDate from, LocalDate to) {
        long started = System.nanoTime();
        return load().chain(data -> {
            long read = millisSince(started);
            DailySeries lead = data.lead();
            if (lead.size() == 0) {
                return Uni.createFrom().item(new Outcome(from, to, 0, 0, 0, null, new Timings(read, 0, 0)));
            }
            LocalDate first = from != null ? from : lead.day(0);
            LocalDate newest = lead.day(lead.size() - 1);
            LocalDate last = to == null || to.isAfter(newest) ? newest : to;
            if (first.isAfter(last)) {
                return Uni.createFrom().item(new Outcome(first, last, 0, 0, 0, null, new Timings(read, 0, 0)));
            }
            return tx.statement(c -> regimes.regimeOn(c, first.minusDays(1))).chain(previous -> {
                long classifying = System.nanoTime();
                List<RegimeRules.Classification> days = classify(data, first, last, previous);
                long classified = millisSince(classifying);
                long writing = System.nanoTime();
                return store(days, first, last)
                        .map(o -> new Outcome(
                                o.from(),
                                o.to(),
                                o.classified(),
                                o.inserted(),
                                o.updated(),
                                o.last(),
                                new Timings(read, classified, millisSince(writing))));
            });
        });
    }

    /** Classifies every day of {@code [first, last]} that has a lead candle and enough history, in order. */
    static List<RegimeRules.Classification> classify(
            Data data, LocalDate first, LocalDate last, MarketRegime previous) {
        List<RegimeRules.Classification> out = new ArrayList<>();
        MarketRegime prev = previous;
        java.util.Map<LocalDate, RegimeInputs> known = new java.util.HashMap<>();
        java.util.function.Function<LocalDate, RegimeInputs> inputsOf = day -> known.computeIfAbsent(
                day, d -> RegimeInputs.of(d, data.lead(), data.breadth(), data.fearGreed(), data.totalMarket()));
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            RegimeInputs inputs = inputsOf.apply(day);
            if (inputs == null) {
                continue;
            }
            List<RegimeInputs> earlier = new ArrayList<>();
            for (int k = 1; k < RegimeRules.SMOOTHING; k++) {
                earlier.add(inputsOf.apply(day.minusDays(k)));
            }
            known.remove(day.minusDays(RegimeRules.SMOOTHING));
            RegimeRules.Classification c = RegimeRules.classify(inputs, earlier, prev);
            out.add(c);
            prev = c.regime();
        }
        return out;
    }

    private Uni<Outcome> store(List<RegimeRules.Classification> days, LocalDate first, LocalDate last) {
        int batch = config.regime().batchSize();
        return tx.sql(c -> {
                    Uni<Upserted> chain = Uni.createFrom().item(Upserted.NONE);
                    for (int start = 0; start < days.size(); start += batch) {
                        List<RegimeRules.Classification> part =
                                days.subList(start, Math.min(days.size(), start + batch));
                        chain = chain.chain(sum -> regimes.upsert(
                                        c,
                                        part.stream().map(d -> d.inputs().day()).toArray(LocalDate[]::new),
                                        part.stream()
                                                .map(d -> d.regime().dbValue())
                                                .toArray(String[]::new),
                                        part.stream()
                                                .map(d -> d.confidence().toPlainString())
                                                .toArray(String[]::new),
                                        part.stream()
                                                .map(d -> json(d.inputs().toJson()))
                                                .toArray(String[]::new),
                                        part.stream()
                                                .map(d -> json(d.analysisData()))
                                                .toArray(String[]::new))
                                .map(sum::plus));
                    }
                    return chain;
                })
                .invoke(overview::invalidate)
                .map(u -> new Outcome(
                        first,
                        last,
                        days.size(),
                        u.inserted(),
                        u.updated(),
                        days.isEmpty() ? null : days.get(days.size() - 1).regime(),
                        null));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Reads the lead and breadth daily candles (market's published series) and macro's own series. */
    Uni<Data> load() {
        String lead = config.regime().lead();
        return daily(lead).chain(leadSeries -> {
            if (leadSeries == null) {
                return Uni.createFrom()
                        .failure(new ResourceNotFoundException(
                                "ASSET_NOT_FOUND",
                                "The regime's lead asset '" + lead + "' is not in the catalogue"
                                        + " (coinpilot.macro.regime.lead)."));
            }
            List<DailySeries> breadth = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String symbol : config.regime().breadth()) {
                chain = chain.chain(() -> (symbol.equals(lead)
                                ? Uni.createFrom().item(leadSeries)
                                : daily(symbol))
                        .invoke(s -> {
                            if (s != null) {
                                breadth.add(s);
                            }
                        })
                        .replaceWithVoid());
            }
            return chain.chain(() -> tx.statement(c -> sentiment.upTo(c, null)))
                    .chain(fng -> tx.statement(c -> dominance.upTo(c, null))
                            .map(dom -> new Data(leadSeries, breadth, fearGreed(fng), totalMarket(dom))));
        });
    }

    /** The daily closes of {@code symbol} keyed by the UTC day of each candle, or null when the asset is unknown. */
    private Uni<DailySeries> daily(String symbol) {
        return candles.assetId(symbol)
                .onFailure(ResourceNotFoundException.class)
                .recoverWithNull()
                .chain(id -> id == null
                        ? Uni.createFrom().nullItem()
                        : candles.series(id, Timeframe.D1, null).map(series -> {
                            LocalDate[] days = new LocalDate[series.size()];
                            for (int i = 0; i < days.length; i++) {
                                days[i] = LocalDate.ofInstant(series.times()[i], ZoneOffset.UTC);
                            }
                            return new DailySeries(days, series.close());
                        }));
    }

    static DailySeries fearGreed(List<Sentiment> rows) {
        LocalDate[] days = rows.stream().map(Sentiment::day).toArray(LocalDate[]::new);
        double[] values =
                rows.stream().mapToDouble(r -> r.fearGreedIndex().doubleValue()).toArray();
        return new DailySeries(days, values);
    }

    static DailySeries totalMarket(List<Dominance> rows) {
        List<Dominance> known =
                rows.stream().filter(r -> r.totalMarketCapUsd() != null).toList();
        LocalDate[] days = known.stream().map(Dominance::day).toArray(LocalDate[]::new);
        double[] values = known.stream()
                .mapToDouble(r -> r.totalMarketCapUsd().doubleValue())
                .toArray();
        return new DailySeries(days, values);
    }

    private static String json(Map<String, Object> map) {
        return new io.vertx.core.json.JsonObject(map).encode();
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day = MacroCsv.parseDay(value);
        if (day == null) {
            throw new BadRequestProblemException(name, "query", "must be a YYYY-MM-DD day or an ISO-8601 instant");
        }
        return day;
    }
}
