package org.coinpilot.market.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.client.BinanceClient;
import org.coinpilot.market.client.CandleProvider;
import org.coinpilot.market.client.SimulatedCandleProvider;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.CandleTimes;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.persistence.CandleRepository.SeriesAsset;
import org.coinpilot.market.persistence.CandleRepository.UpsertCount;

/**
 * Fetches candles for every supported asset × configured timeframe, once per series for all users.
 *
 * <p>Per series: first the known gaps are backfilled, then the series continues from its last stored candle (a
 * new series starts {@code history-candles} back), page by page, keeping only closed candles (close time before
 * now, from the injected clock); each page is one upsert statement, so a run killed midway keeps every page it
 * finished and the next run continues after it. Finally the newly written range is checked for holes, which are
 * recorded in {@code market_candle_gaps} and backfilled by later runs; nothing is ever interpolated.
 *
 * <p>A failing series does not stop the others; the run then fails with a summary, so the job is recorded FAILED.
 */
@ApplicationScoped
public class CandleIngestionService {

    private final CandleRepository candles;
    private final CandleProvider provider;
    private final MarketConfig config;
    private final Clock clock;
    private final List<Timeframe> timeframes;
    private final HotCandleCache cache;
    private final AssetSnapshotCache snapshots;
    private final Transactions tx;

    public CandleIngestionService(
            CandleRepository candles,
            SimulatedCandleProvider simulated,
            BinanceClient binance,
            MarketConfig config,
            Clock clock,
            HotCandleCache cache,
            AssetSnapshotCache snapshots,
            Transactions tx) {
        this.tx = tx;
        this.cache = cache;
        this.snapshots = snapshots;
        this.candles = candles;
        this.provider = BinanceClient.NAME.equals(config.provider()) ? binance : simulated;
        this.config = config;
        this.clock = clock;
        Set<Timeframe> unique = new LinkedHashSet<>();
        for (String code : config.ingest().timeframes()) {
            unique.add(Timeframe.fromCode(code.trim()));
        }
        this.timeframes = List.copyOf(unique);
    }

    /** The provider in use. */
    public String providerName() {
        return provider.name();
    }

    /** Totals of one run. */
    public record IngestReport(
            int series,
            long inserted,
            long updated,
            int requests,
            int gapsDetected,
            int gapsFilled,
            List<String> errors) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("series", series);
            map.put("inserted", inserted);
            map.put("updated", updated);
            map.put("requests", requests);
            map.put("gapsDetected", gapsDetected);
            map.put("gapsFilled", gapsFilled);
            map.put("failedSeries", errors.size());
            return map;
        }
    }

    /** Thrown at the end of a run in which some series failed; carries the totals of what was done. */
    public static class IngestFailedException extends RuntimeException {
        private final IngestReport report;

        public IngestFailedException(IngestReport report) {
            super(
                    report.errors().size() + " of " + report.series() + " series failed (inserted " + report.inserted()
                            + ", updated " + report.updated() + "): " + String.join("; ", report.errors()),
                    null,
                    false,
                    false);
            this.report = report;
        }

        public IngestReport report() {
            return report;
        }
    }

    private static final class Totals {
        final AtomicLong inserted = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        int requests;
        int series;
        int gapsDetected;
        int gapsFilled;
        final List<String> errors = new ArrayList<>();

        void add(UpsertCount count) {
            inserted.addAndGet(count.inserted());
            updated.addAndGet(count.updated());
        }

        IngestReport report() {
            return new IngestReport(
                    series, inserted.get(), updated.get(), requests, gapsDetected, gapsFilled, List.copyOf(errors));
        }
    }

    /** One run over every supported asset and configured timeframe. */
    public Uni<IngestReport> ingestAll() {
        Totals totals = new Totals();
        return tx.statement(client -> candles.supportedAssets(client))
                .chain(assets -> Multi.createFrom()
                        .iterable(series(assets))
                        .onItem()
                        .transformToUniAndConcatenate(s -> ingestSeries(s.asset(), s.timeframe(), totals)
                                .onFailure()
                                .recoverWithItem(failure -> {
                                    String message = s.asset().symbol() + " "
                                            + s.timeframe().code() + ": " + failure.getMessage();
                                    Log.warnf("candle ingestion failed for %s", message);
                                    totals.errors.add(message);
                                    return null;
                                }))
                        .collect()
                        .last())
                .chain(ignored -> {
                    IngestReport report = totals.report();
                    return report.errors().isEmpty()
                            ? Uni.createFrom().item(report)
                            : Uni.createFrom().failure(new IngestFailedException(report));
                });
    }

    private record Series(SeriesAsset asset, Timeframe timeframe) {}

    private List<Series> series(List<SeriesAsset> assets) {
        List<Series> list = new ArrayList<>();
        for (SeriesAsset asset : assets) {
            for (Timeframe timeframe : timeframes) {
                list.add(new Series(asset, timeframe));
            }
        }
        return list;
    }

    /** Backfills known gaps, continues the series, and records new gaps of one series. */
    Uni<Void> ingestSeries(SeriesAsset asset, Timeframe timeframe, Totals totals) {
        totals.series++;
        String pair = pair(asset);
        return tx.statement(client -> candles.openGaps(
                        client, asset.cryptoId(), timeframe, config.ingest().maxGapAttempts()))
                .chain(gaps -> Multi.createFrom()
                        .iterable(gaps)
                        .onItem()
                        .transformToUniAndConcatenate(gap -> fetchRange(
                                        asset, pair, timeframe, gap.gapStart(), gap.gapEnd(), totals)
                                .chain(() ->
                                        tx.statement(client -> candles.settleGap(client, gap.id(), Times.now(clock))))
                                .invoke(filled -> {
                                    if (filled) {
                                        totals.gapsFilled++;
                                    }
                                }))
                        .collect()
                        .last())
                .chain(() -> tx.statement(client -> candles.lastCandleTime(client, asset.cryptoId(), timeframe)))
                .chain(last -> {
                    Instant now = clock.instant();
                    Instant start = last != null
                            ? last.plus(timeframe.duration())
                            : CandleTimes.lastClosed(timeframe, now)
                                    .minus(timeframe
                                            .duration()
                                            .multipliedBy(config.ingest().historyCandles() - 1L));
                    return fetchRange(asset, pair, timeframe, start, null, totals)
                            .chain(() -> tx.statement(client ->
                                    candles.detectGaps(client, asset.cryptoId(), timeframe, last, Times.now(clock))))
                            .invoke(found -> totals.gapsDetected += found)
                            .replaceWithVoid();
                });
    }

    /**
     * Fetches and upserts closed candles from {@code from} until {@code until} (exclusive; null: up to now), page
     * by page, each page one statement.
     */
    private Uni<Void> fetchRange(
            SeriesAsset asset, String pair, Timeframe timeframe, Instant from, Instant until, Totals totals) {
        return page(asset, pair, timeframe, from, until, totals, 0);
    }

    private Uni<Void> page(
            SeriesAsset asset, String pair, Timeframe timeframe, Instant from, Instant until, Totals totals, int page) {
        int pageSize = config.ingest().pageSize();
        if (page >= config.ingest().maxPagesPerSeries() || (until != null && !from.isBefore(until))) {
            return Uni.createFrom().voidItem();
        }
        totals.requests++;
        return provider.klines(asset.symbol(), pair, timeframe, from, pageSize).chain(klines -> {
            Instant now = clock.instant();
            List<Kline> keep = new ArrayList<>(klines.size());
            boolean reachedForming = false;
            for (Kline k : klines) {
                if (k.openTime().isBefore(from)) {
                    continue;
                }
                if (until != null && !k.openTime().isBefore(until)) {
                    break;
                }
                if (!k.isClosedAt(now, timeframe)) {
                    reachedForming = true;
                    break;
                }
                if (!CandleTimes.isAligned(timeframe, k.openTime()) || k.inconsistency() != null) {
                    Log.warnf(
                            "%s sent an unusable %s %s candle at %s: %s",
                            provider.name(),
                            asset.symbol(),
                            timeframe.code(),
                            k.openTime(),
                            k.inconsistency() == null ? "not on the candle grid" : k.inconsistency());
                    continue;
                }
                keep.add(k);
            }
            boolean more = !reachedForming && klines.size() >= pageSize;
            Instant next = klines.isEmpty()
                    ? null
                    : klines.get(klines.size() - 1).openTime().plus(timeframe.duration());
            return tx.statement(client -> candles.upsert(client, asset.cryptoId(), timeframe, keep))
                    .chain(count -> {
                        cache.invalidate(asset.cryptoId(), timeframe);
                        snapshots.invalidate(asset.cryptoId());
                        totals.add(count);
                        return more && next != null
                                ? page(asset, pair, timeframe, next, until, totals, page + 1)
                                : Uni.createFrom().voidItem();
                    });
        });
    }

    private String pair(SeriesAsset asset) {
        return asset.binanceSymbol() != null
                ? asset.binanceSymbol()
                : asset.symbol().toUpperCase(Locale.ROOT) + config.binance().quoteAsset();
    }
}
