package org.coinpilot.market.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.domain.AssetSnapshot;
import org.coinpilot.market.domain.CatalogueEntry;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.domain.StoredIndicators;
import org.coinpilot.market.persistence.MarketReadRepository;
import org.coinpilot.market.persistence.MarketReadRepository.HighRow;
import org.coinpilot.market.persistence.MarketReadRepository.IndicatorRow;
import org.coinpilot.market.persistence.MarketReadRepository.QuoteRow;

/**
 * What market publishes to the other features (docs/architecture.md, "Who owns what"; docs/market.md, "Published
 * reads"): for any number of assets at once, each in ONE statement whatever their number, their catalogue entries
 * (and market snapshot),
 * the latest candle of a timeframe as a {@link Quote}, and the newest {@link StoredIndicators}. Values, not JSON: the
 * candle read's HTTP fast path is for the API alone. Maps are keyed by asset id; an asset with nothing to give
 * (unknown id, no candle, no stored values) has no entry.
 *
 * <p>{@link #snapshots} (a list view's market columns) is served from {@link AssetSnapshotCache}: zero statements
 * when every asset is kept and current, else four for the assets that are not, whatever their number.
 */
@ApplicationScoped
public class MarketReadService {

    private final MarketReadRepository reads;
    private final Transactions tx;
    private final Clock clock;
    private final AssetSnapshotCache snapshots;

    public MarketReadService(MarketReadRepository reads, Transactions tx, Clock clock, AssetSnapshotCache snapshots) {
        this.reads = reads;
        this.tx = tx;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /**
     * A number that changes whenever this process drops a kept snapshot of any asset (a candle or indicator write of
     * this process). A caller that keeps something built from {@link #snapshots} reads it before building and serves
     * what it kept only while it is unchanged; other replicas' writes reach it through the snapshots' expiry, as
     * they reach {@link #snapshots}.
     */
    public long snapshotsGeneration() {
        return snapshots.changes();
    }

    /**
     * Per asset, its catalogue entry, latest quote and newest stored indicators on {@code timeframe}, and the highest
     * high of its daily candles of the last {@code highWindow} (each null when not stored; an unknown id has no
     * entry). Kept per asset in {@link AssetSnapshotCache}: a write of this process to the asset's candles or
     * indicators drops it at once, another replica's is seen within the cache's expire-after-write. Only the assets
     * not kept are read: the catalogue, quotes, indicators and highs, one statement each for all of them.
     */
    public Uni<Map<Long, AssetSnapshot>> snapshots(
            Collection<Long> cryptoIds, Timeframe timeframe, Duration highWindow) {
        List<Long> ids = distinct(cryptoIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        long windowDays = highWindow.toDays();
        Map<Long, AssetSnapshotCache.Rows> kept = new HashMap<>();
        Map<Long, Long> loading = new LinkedHashMap<>();
        for (Long id : ids) {
            AssetSnapshotCache.Rows rows = snapshots.get(new AssetSnapshotCache.Key(id, timeframe, windowDays));
            if (rows != null) {
                kept.put(id, rows);
            } else {
                loading.put(id, snapshots.generation(id)); // read before loading: a write meanwhile wins
            }
        }
        Uni<Map<Long, AssetSnapshotCache.Rows>> all = loading.isEmpty()
                ? Uni.createFrom().item(kept)
                : load(new ArrayList<>(loading.keySet()), timeframe, windowDays).map(read -> {
                    read.forEach((id, rows) -> {
                        AssetSnapshotCache.Rows atGeneration = new AssetSnapshotCache.Rows(
                                loading.get(id), rows.asset(), rows.quote(), rows.indicators(), rows.high());
                        snapshots.put(new AssetSnapshotCache.Key(id, timeframe, windowDays), atGeneration);
                        kept.put(id, atGeneration);
                    });
                    return kept;
                });
        return all.map(rows -> {
            Instant now = Times.now(clock);
            Map<Long, AssetSnapshot> result = new LinkedHashMap<>();
            for (Long id : ids) {
                AssetSnapshotCache.Rows r = rows.get(id);
                if (r != null && r.asset() != null) {
                    result.put(
                            id,
                            new AssetSnapshot(
                                    r.asset(),
                                    r.quote() == null ? null : quote(r.quote(), timeframe, now),
                                    r.indicators() == null ? null : indicators(r.indicators(), timeframe),
                                    r.high()));
                }
            }
            return result;
        });
    }

    /** The rows of these assets from the database (generation 0: the caller stamps them). */
    private Uni<Map<Long, AssetSnapshotCache.Rows>> load(List<Long> ids, Timeframe timeframe, long windowDays) {
        Instant from = Times.now(clock).minus(Duration.ofDays(windowDays));
        return assets(ids)
                .chain(refs -> tx.statement(client -> reads.quotes(client, ids, timeframe))
                        .chain(quotes -> tx.statement(client -> reads.latestIndicators(client, ids, timeframe))
                                .chain(values -> tx.statement(client -> reads.highs(client, ids, from))
                                        .map(highs -> {
                                            Map<Long, QuoteRow> q = new HashMap<>();
                                            quotes.forEach(r -> q.put(r.cryptoId(), r));
                                            Map<Long, IndicatorRow> v = new HashMap<>();
                                            values.forEach(r -> v.put(r.cryptoId(), r));
                                            Map<Long, BigDecimal> h = new HashMap<>();
                                            for (HighRow r : highs) {
                                                h.put(r.cryptoId(), r.high());
                                            }
                                            Map<Long, AssetSnapshotCache.Rows> rows = new HashMap<>();
                                            for (Long id : ids) {
                                                rows.put(
                                                        id,
                                                        new AssetSnapshotCache.Rows(
                                                                0, refs.get(id), q.get(id), v.get(id), h.get(id)));
                                            }
                                            return rows;
                                        }))));
    }

    /** The catalogue entries of these assets. */
    public Uni<Map<Long, AssetRef>> assets(Collection<Long> cryptoIds) {
        List<Long> ids = distinct(cryptoIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.statement(client -> reads.assets(client, ids)).map(rows -> {
            Map<Long, AssetRef> assets = new LinkedHashMap<>();
            rows.forEach(
                    r -> assets.put(r.id(), new AssetRef(r.id(), r.symbol(), r.name(), r.active(), r.supported())));
            return assets;
        });
    }

    /** The active, supported assets (those whose candles are fetched), by id. */
    public Uni<List<AssetRef>> supportedAssets() {
        return tx.statement(client -> reads.supportedAssets(client))
                .map(rows -> rows.stream()
                        .map(r -> new AssetRef(r.id(), r.symbol(), r.name(), r.active(), r.supported()))
                        .toList());
    }

    /**
     * The catalogue's market snapshot of these assets: market capitalisation and rank (from the CoinGecko sync; null
     * when it has not run) and the CoinGecko id, with the time the row last changed.
     */
    public Uni<Map<Long, CatalogueEntry>> catalogue(Collection<Long> cryptoIds) {
        List<Long> ids = distinct(cryptoIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.statement(client -> reads.catalogue(client, ids)).map(rows -> {
            Map<Long, CatalogueEntry> entries = new LinkedHashMap<>();
            rows.forEach(r -> entries.put(
                    r.id(),
                    new CatalogueEntry(
                            r.id(), r.symbol(), r.coingeckoId(), r.marketCap(), r.marketCapRank(), r.updatedAt())));
            return entries;
        });
    }

    /** The latest stored candle of each asset on {@code timeframe}, as a quote at the clock's now. */
    public Uni<Map<Long, Quote>> latestQuotes(Collection<Long> cryptoIds, Timeframe timeframe) {
        List<Long> ids = distinct(cryptoIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant now = Times.now(clock);
        return tx.statement(client -> reads.quotes(client, ids, timeframe)).map(rows -> {
            Map<Long, Quote> quotes = new LinkedHashMap<>();
            rows.forEach(r -> quotes.put(r.cryptoId(), quote(r, timeframe, now)));
            return quotes;
        });
    }

    /** The newest stored indicator values of each asset on {@code timeframe}. */
    public Uni<Map<Long, StoredIndicators>> latestIndicators(Collection<Long> cryptoIds, Timeframe timeframe) {
        List<Long> ids = distinct(cryptoIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.statement(client -> reads.latestIndicators(client, ids, timeframe))
                .map(rows -> {
                    Map<Long, StoredIndicators> values = new LinkedHashMap<>();
                    rows.forEach(r -> values.put(r.cryptoId(), indicators(r, timeframe)));
                    return values;
                });
    }

    /**
     * The assets among {@code cryptoIds} whose {@code timeframe} series has a known gap that is not filled yet (the gap
     * registry, {@code market_candle_gaps}): their data is incomplete, so readers that must not act on holes (signals)
     * skip them.
     */
    public Uni<java.util.Set<Long>> withOpenGaps(Collection<Long> cryptoIds, Timeframe timeframe) {
        List<Long> ids = distinct(cryptoIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return tx.statement(client -> reads.withOpenGaps(client, ids, timeframe))
                .map(java.util.Set::copyOf);
    }

    static Quote quote(QuoteRow row, Timeframe timeframe, Instant now) {
        Instant closedAt = row.candleTime().plus(timeframe.duration());
        long age = Math.max(0, Duration.between(closedAt, now).toSeconds());
        boolean stale = !now.isBefore(closedAt.plus(timeframe.duration()));
        return new Quote(
                row.cryptoId(),
                row.symbol(),
                timeframe,
                row.candleTime(),
                closedAt,
                row.close(),
                changePercent(row.close(), row.close24h()),
                changePercent(row.close(), row.close7d()),
                row.volume24h(),
                age,
                stale);
    }

    /** {@code (close - reference) / reference × 100}, scale 4, half-even; null without a reference. */
    static BigDecimal changePercent(BigDecimal close, BigDecimal reference) {
        if (close == null || reference == null || reference.signum() == 0) {
            return null;
        }
        return close.subtract(reference).multiply(BigDecimal.valueOf(100)).divide(reference, 4, RoundingMode.HALF_EVEN);
    }

    static StoredIndicators indicators(IndicatorRow row, Timeframe timeframe) {
        Map<String, Double> values = new LinkedHashMap<>();
        flatten("", row.values(), values);
        return new StoredIndicators(row.cryptoId(), timeframe, row.candleTime(), row.latestCandleTime(), values);
    }

    /** {@code {"RSI": 1, "SMA": {"50": 2}}} → {@code RSI = 1, SMA.50 = 2}; non-numbers are left out. */
    private static void flatten(String prefix, JsonObject json, Map<String, Double> into) {
        for (Map.Entry<String, Object> entry : json) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Number number) {
                into.put(key, number.doubleValue());
            } else if (entry.getValue() instanceof JsonObject nested) {
                flatten(key + ".", nested, into);
            } else if (entry.getValue() instanceof Map<?, ?> map) {
                flatten(key + ".", new JsonObject(castMap(map)), into);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static List<Long> distinct(Collection<Long> ids) {
        return ids == null
                ? List.of()
                : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
