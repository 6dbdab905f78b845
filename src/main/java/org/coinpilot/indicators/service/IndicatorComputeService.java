package org.coinpilot.indicators.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.indicators.config.IndicatorsConfig;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.indicators.domain.IndicatorResult;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.CandleSeriesService.IndicatorValues;
import org.coinpilot.market.service.CandleSeriesService.PendingSeries;
import org.coinpilot.market.service.CandleSeriesService.Series;

/**
 * Computes the stored indicator set ({@code coinpilot.indicators.stored-set}) for every candle whose
 * {@code technical_indicators} is NULL (new candles, and candles reset because an earlier candle of their series
 * changed) and stores it in the seed's shape, one bulk statement per batch.
 *
 * <p>Each pending series is computed by the batch engine over its whole stored history (live and archived, from its
 * first candle), so every stored value is exactly the batch value over the full series: recursive indicators (EMA,
 * RSI, MACD, ATR) carry no truncated-look-back error. The maths runs on a worker thread (CONVENTIONS §4.2).
 */
@Startup // checks coinpilot.indicators.stored-set when the application starts
@ApplicationScoped
public class IndicatorComputeService {

    private final CandleSeriesService series;
    private final IndicatorsConfig config;
    private final Vertx vertx;
    private final StoredSet storedSet;

    public IndicatorComputeService(CandleSeriesService series, IndicatorsConfig config, Vertx vertx) {
        this.series = series;
        this.config = config;
        this.vertx = vertx;
        this.storedSet = StoredSet.of(config.storedSet());
    }

    /** What one run did. */
    public record ComputeReport(int series, long pending, long written) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("series", series);
            map.put("pending", pending);
            map.put("written", written);
            return map;
        }
    }

    /** The keys stored, canonical. */
    public List<String> storedKeys() {
        return storedSet.specs().stream().map(s -> s.key()).toList();
    }

    /**
     * Where a stored value lives in {@code price_data.technical_indicators}: {@code key} is the canonical key with
     * its output ({@code rsi_14}, {@code macd_12_26_9.histogram}), {@code path} the JSON path for
     * {@code technical_indicators #> path} ({@code [RSI]}, {@code [MACD, histogram]}, {@code [SMA, 200]}).
     */
    public record StoredValuePath(String key, List<String> path) {

        /** The path as a PostgreSQL {@code text[]} literal, e.g. {@code {SMA,200}}. */
        public String pathLiteral() {
            return "{" + String.join(",", path) + "}";
        }
    }

    /**
     * Resolves {@code reference} ({@code KEY} or {@code KEY.OUTPUT}; multi-output kinds need the output) to its stored
     * path. Fails with {@link IllegalArgumentException} whose message says why: unparsable key, unknown output, or a
     * key that is not in the configured stored set.
     */
    public StoredValuePath storedValuePath(String reference) {
        return storedSet.valuePath(reference);
    }

    /** Computes and stores every pending value, series after series. */
    public Uni<ComputeReport> computePending() {
        return series.pendingSeries()
                .chain(pending -> Multi.createFrom()
                        .iterable(pending)
                        .onItem()
                        .transformToUniAndConcatenate(this::computeSeries)
                        .collect()
                        .asList()
                        .map(written -> new ComputeReport(
                                pending.size(),
                                pending.stream()
                                        .mapToLong(PendingSeries::pending)
                                        .sum(),
                                written.stream().mapToLong(Integer::longValue).sum())));
    }

    private Uni<Integer> computeSeries(PendingSeries pending) {
        return series.series(pending.cryptoId(), pending.timeframe(), null)
                .chain(candles -> vertx.executeBlocking(() -> valuesToStore(candles), false))
                .chain(values -> series.storeIndicators(values, config.batchSize()))
                .invoke(written -> Log.debugf(
                        "indicators: asset %d %s: %d pending since %s, %d written",
                        pending.cryptoId(), pending.timeframe().code(), pending.pending(), pending.since(), written));
    }

    /** The stored objects of the pending live candles of a series, computed over the whole series. */
    List<IndicatorValues> valuesToStore(Series candles) {
        IndicatorResult[] results = storedSet.compute(toCandles(candles));
        List<IndicatorValues> values = new ArrayList<>();
        for (int i = 0; i < candles.size(); i++) {
            if (candles.pending()[i] && candles.ids()[i] != 0) {
                String json = new JsonObject(storedSet.valuesAt(results, i)).encode();
                values.add(new IndicatorValues(candles.ids()[i], candles.versions()[i], json));
            }
        }
        return values;
    }

    /**
     * The engine's input: prices, <b>base-asset</b> volume (NaN where unknown: the volume indicators give no value
     * that depends on it) and open times, so that the VWAP family can place its anchors.
     */
    static Candles toCandles(Series s) {
        Instant[] times = s.times();
        long[] seconds = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            seconds[i] = times[i].getEpochSecond();
        }
        return new Candles(
                s.open(),
                s.high(),
                s.low(),
                s.close(),
                s.baseVolume(),
                seconds,
                s.timeframe().duration().getSeconds());
    }
}
