package org.coinpilot.market.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.persistence.CandleSeriesRepository;
import org.coinpilot.market.persistence.CandleSeriesRepository.SeriesRow;

/**
 * Candle series as primitive columns for other features (the indicators engine), and the bulk write of the
 * {@code price_data.technical_indicators} they compute. Market owns {@code price_data}; this is the only way other
 * features read whole series or write that column.
 *
 * <p>Stale values: inserting a candle, or changing an existing candle's OHLCV, resets {@code technical_indicators} to
 * NULL for that candle and every later candle of the series (database triggers, migration V040), whoever writes.
 */
@ApplicationScoped
public class CandleSeriesService {

    private final CandleRepository candles;
    private final CandleSeriesRepository series;
    private final Transactions tx;
    private final AssetSnapshotCache snapshots;

    public CandleSeriesService(
            CandleRepository candles, CandleSeriesRepository series, Transactions tx, AssetSnapshotCache snapshots) {
        this.tx = tx;
        this.snapshots = snapshots;
        this.candles = candles;
        this.series = series;
    }

    /** A series with pending (NULL) indicator values since {@code since}. */
    public record PendingSeries(long cryptoId, Timeframe timeframe, Instant since, long pending) {}

    /**
     * A whole series, oldest first, as columns. {@code ids[i]}/{@code versions[i]} identify a live candle for
     * {@link #storeIndicators}; they are 0/null for archived candles. {@code pending[i]}: its stored indicators are
     * NULL. {@code volume} is the USD volume (a NULL one is read as 0); {@code baseVolume} the base-asset volume,
     * {@link Double#NaN} where it is unknown (candles stored before it was kept), never invented.
     */
    public record Series(
            long cryptoId,
            Timeframe timeframe,
            long[] ids,
            OffsetDateTime[] versions,
            Instant[] times,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            double[] baseVolume,
            boolean[] pending) {

        public int size() {
            return times.length;
        }
    }

    /** The indicator object (JSON text) of one live candle, read at {@code version}. */
    public record IndicatorValues(long id, OffsetDateTime version, String json) {}

    /** The id of the asset with this symbol; fails with 404 ASSET_NOT_FOUND. */
    public Uni<Long> assetId(String symbol) {
        return tx.statement(client -> candles.findAssetId(client, symbol))
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ResourceNotFoundException("ASSET_NOT_FOUND", "No asset has the symbol '" + symbol + "'."));
    }

    /** Every series with candles whose indicators are pending, with its oldest pending candle time. */
    public Uni<List<PendingSeries>> pendingSeries() {
        return tx.statement(client -> series.pendingSeries(client))
                .map(list -> list.stream()
                        .map(p -> new PendingSeries(p.cryptoId(), p.timeframe(), p.since(), p.pending()))
                        .toList());
    }

    /**
     * The series from its first stored candle (live and archive) up to {@code to} (exclusive; null: everything),
     * oldest first.
     */
    public Uni<Series> series(long cryptoId, Timeframe timeframe, Instant to) {
        return tx.statement(client -> series.series(client, cryptoId, timeframe, to))
                .map(rows -> toSeries(cryptoId, timeframe, rows));
    }

    /**
     * Writes indicator objects, {@code batchSize} rows per statement. A row is written only while its indicators
     * are still NULL and the candle has not changed since it was read (same {@code updated_at}), so a value
     * computed from candles that changed meanwhile is never stored (it stays NULL for the next run). Returns the
     * rows written. Each committed batch drops the cached snapshots of its assets ({@link AssetSnapshotCache}).
     */
    public Uni<Integer> storeIndicators(List<IndicatorValues> values, int batchSize) {
        return storeFrom(values, 0, Math.max(1, batchSize), 0);
    }

    private Uni<Integer> storeFrom(List<IndicatorValues> values, int from, int batchSize, int written) {
        if (from >= values.size()) {
            return Uni.createFrom().item(written);
        }
        int to = Math.min(values.size(), from + batchSize);
        int n = to - from;
        Long[] ids = new Long[n];
        OffsetDateTime[] versions = new OffsetDateTime[n];
        String[] json = new String[n];
        for (int i = 0; i < n; i++) {
            IndicatorValues v = values.get(from + i);
            ids[i] = v.id();
            versions[i] = v.version();
            json[i] = v.json();
        }
        return tx.statement(client -> series.storeIndicators(client, ids, versions, json))
                .chain(assets -> {
                    assets.stream().distinct().forEach(snapshots::invalidate);
                    return storeFrom(values, to, batchSize, written + assets.size());
                });
    }

    private static Series toSeries(long cryptoId, Timeframe timeframe, List<SeriesRow> rows) {
        int n = rows.size();
        long[] ids = new long[n];
        OffsetDateTime[] versions = new OffsetDateTime[n];
        Instant[] times = new Instant[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double[] baseVolume = new double[n];
        boolean[] pending = new boolean[n];
        for (int i = 0; i < n; i++) {
            SeriesRow row = rows.get(i);
            ids[i] = row.id() == null ? 0 : row.id();
            versions[i] = row.version();
            times[i] = row.time();
            open[i] = row.open().doubleValue();
            high[i] = row.high().doubleValue();
            low[i] = row.low().doubleValue();
            close[i] = row.close().doubleValue();
            BigDecimal v = row.volume();
            volume[i] = v == null ? 0.0 : v.doubleValue();
            BigDecimal base = row.baseVolume();
            baseVolume[i] = base == null ? Double.NaN : base.doubleValue();
            pending[i] = row.pending();
        }
        return new Series(
                cryptoId, timeframe, ids, versions, times, open, high, low, close, volume, baseVolume, pending);
    }
}
