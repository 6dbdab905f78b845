package org.coinpilot.market.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.domain.AssetSnapshot;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.domain.StoredIndicators;
import org.coinpilot.market.persistence.MarketReadRepository;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market's published reads (docs/market.md, "Published reads"): values for many assets, one statement each. */
@QuarkusTest
class MarketReadServiceTest {

    /** The newest candle opens at 09:00 and closes at 10:00; the clock is 10:30. */
    static final Instant LATEST = Instant.parse("2024-05-08T09:00:00Z");

    static final Instant NOW = Instant.parse("2024-05-08T10:30:00Z");

    @Inject
    Pool pool;

    @Inject
    MarketReadRepository reads;

    @Inject
    Clock clock;

    @Inject
    AssetSnapshotCache snapshots;

    @Inject
    CandleImportService imports;

    @Inject
    CandleSeriesService series;

    final AtomicInteger statements = new AtomicInteger();

    MarketReadService service;

    @BeforeEach
    void setUp() {
        TestClock.set(NOW);
        statements.set(0);
        service = new MarketReadService(reads, new CountingTransactions(pool, statements), clock, snapshots);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    @Test
    void shouldQuoteEveryAssetInOneStatementWhenAskedForMany() {
        // a full week of hourly candles plus one: close 100 + hours since the start, volume 10 each
        long full = MarketTestData.asset(pool, "QF", false);
        for (int h = 0; h <= 168; h++) {
            candle(full, LATEST.minus(Duration.ofHours(168 - h)), String.valueOf(100 + h), "10");
        }
        // the candle 24 h before the latest and one of the last 24 are missing: no 24 h change, no 24 h volume
        long gap = MarketTestData.asset(pool, "QG", false);
        for (int h = 0; h <= 30; h++) {
            if (h != 6 && h != 20) {
                candle(gap, LATEST.minus(Duration.ofHours(30 - h)), "50", "10");
            }
        }
        long none = MarketTestData.asset(pool, "QN", false);
        List<Long> ids = new ArrayList<>(List.of(full, gap, none));
        for (int i = 0; i < 20; i++) {
            ids.add(MarketTestData.asset(pool, "QX", false));
        }

        Map<Long, Quote> quotes =
                service.latestQuotes(ids, Timeframe.H1).await().indefinitely();

        assertThat(statements).hasValue(1);
        assertThat(quotes).containsOnlyKeys(full, gap);
        Quote q = quotes.get(full);
        assertThat(q.symbol()).isEqualTo(MarketTestData.symbol(pool, full));
        assertThat(q.candleTime()).isEqualTo(LATEST);
        assertThat(q.closedAt()).isEqualTo(LATEST.plus(Duration.ofHours(1)));
        assertThat(q.close()).isEqualByComparingTo("268");
        // 268 vs 244 (24 h before) and vs 100 (7 d before)
        assertThat(q.change24hPercent()).isEqualByComparingTo("9.8361");
        assertThat(q.change7dPercent()).isEqualByComparingTo("168.0000");
        assertThat(q.volume24hUsd()).isEqualByComparingTo("240");
        assertThat(q.ageSeconds()).isEqualTo(1800);
        assertThat(q.stale()).isFalse();
        Quote g = quotes.get(gap);
        assertThat(g.close()).isEqualByComparingTo("50");
        assertThat(g.change24hPercent()).isNull();
        assertThat(g.change7dPercent()).isNull();
        assertThat(g.volume24hUsd()).isNull();
    }

    @Test
    void shouldFlagAQuoteStaleWhenAWholeCandleClosedWithoutBeingStored() {
        long asset = MarketTestData.asset(pool, "QS", false);
        candle(asset, LATEST, "10", "1");
        TestClock.set(LATEST.plus(Duration.ofHours(2)));

        Quote quote = service.latestQuotes(List.of(asset), Timeframe.H1)
                .await()
                .indefinitely()
                .get(asset);

        assertThat(quote.ageSeconds()).isEqualTo(3600);
        assertThat(quote.stale()).isTrue();
    }

    @Test
    void shouldGiveTheNewestStoredIndicatorsOfEveryAssetInOneStatement() {
        long computed = MarketTestData.asset(pool, "IC", false);
        candle(computed, LATEST.minus(Duration.ofHours(1)), "10", "1");
        candle(computed, LATEST, "11", "1");
        AlertTestData.indicators(
                pool,
                computed,
                "1h",
                LATEST.minus(Duration.ofHours(1)),
                new JsonObject().put("RSI", 40.5).put("SMA", new JsonObject().put("50", 9.5)));
        AlertTestData.indicators(
                pool,
                computed,
                "1h",
                LATEST,
                new JsonObject()
                        .put("RSI", 55.25)
                        .put("MACD", new JsonObject().put("value", 1.5).put("signal", 1.25)));
        long pending = MarketTestData.asset(pool, "IP", false);
        candle(pending, LATEST.minus(Duration.ofHours(1)), "10", "1");
        AlertTestData.indicators(
                pool, pending, "1h", LATEST.minus(Duration.ofHours(1)), new JsonObject().put("RSI", 61.0));
        candle(pending, LATEST, "12", "1");
        long without = MarketTestData.asset(pool, "IW", false);
        candle(without, LATEST, "12", "1");

        Map<Long, StoredIndicators> values = service.latestIndicators(List.of(computed, pending, without), Timeframe.H1)
                .await()
                .indefinitely();

        assertThat(statements).hasValue(1);
        assertThat(values).containsOnlyKeys(computed, pending);
        StoredIndicators c = values.get(computed);
        assertThat(c.candleTime()).isEqualTo(LATEST);
        assertThat(c.latestCandleTime()).isEqualTo(LATEST);
        assertThat(c.values())
                .containsOnlyKeys("RSI", "MACD.value", "MACD.signal")
                .containsEntry("RSI", 55.25)
                .containsEntry("MACD.signal", 1.25);
        StoredIndicators p = values.get(pending);
        assertThat(p.candleTime()).isEqualTo(LATEST.minus(Duration.ofHours(1)));
        assertThat(p.latestCandleTime()).isEqualTo(LATEST);
        assertThat(p.values().get("RSI")).isCloseTo(61.0, within(0.0));
    }

    @Test
    void shouldNameEveryKnownAssetWhenAskedForCatalogueEntries() {
        long a = MarketTestData.asset(pool, "CA", false);
        long b = MarketTestData.asset(pool, "CB", false);

        Map<Long, AssetRef> assets =
                service.assets(List.of(a, b, a, -1L)).await().indefinitely();

        assertThat(statements).hasValue(1);
        assertThat(assets).containsOnlyKeys(a, b);
        assertThat(assets.get(b).symbol()).isEqualTo(MarketTestData.symbol(pool, b));
        assertThat(assets.get(b).active()).isTrue();
        assertThat(service.assets(List.of()).await().indefinitely()).isEmpty();
        assertThat(statements).as("no statement for no assets").hasValue(1);
    }

    @Test
    void shouldServeSnapshotsFromMemoryUntilThisProcessWritesTheAssetsCandles() {
        long written = MarketTestData.asset(pool, "SW", false);
        long other = MarketTestData.asset(pool, "SO", false);
        for (long asset : List.of(written, other)) {
            candle(asset, LATEST.minus(Duration.ofHours(1)), "10", "1");
            candle(asset, LATEST, "11", "1");
            AlertTestData.candle(pool, asset, "1d", LATEST.truncatedTo(java.time.temporal.ChronoUnit.DAYS), "15");
        }
        List<Long> ids = List.of(written, other, -1L);

        Map<Long, AssetSnapshot> cold = service.snapshots(ids, Timeframe.H1, Duration.ofDays(365))
                .await()
                .indefinitely();
        assertThat(statements).as("catalogue, quotes, indicators, highs").hasValue(4);
        assertThat(cold).containsOnlyKeys(written, other);
        assertThat(cold.get(written).asset().symbol()).isEqualTo(MarketTestData.symbol(pool, written));
        assertThat(cold.get(written).quote().close()).isEqualByComparingTo("11");
        assertThat(cold.get(written).quote().ageSeconds()).isEqualTo(1800);
        assertThat(cold.get(written).indicators()).isNull();
        assertThat(cold.get(written).high()).isEqualByComparingTo("15");

        statements.set(0);
        TestClock.set(NOW.plus(Duration.ofMinutes(5)));
        Map<Long, AssetSnapshot> warm = service.snapshots(ids, Timeframe.H1, Duration.ofDays(365))
                .await()
                .indefinitely();
        assertThat(statements).as("served from memory").hasValue(0);
        assertThat(warm.get(written).quote().close()).isEqualByComparingTo("11");
        assertThat(warm.get(written).quote().ageSeconds())
                .as("age computed per read")
                .isEqualTo(2100);

        imports.importCsv(MarketTestData.symbol(pool, written), "1h", """
                        open_time,open,high,low,close,volume
                        2024-05-08T09:00:00Z,11,12,11,12,1
                        """)
                .await()
                .indefinitely();

        statements.set(0);
        Map<Long, AssetSnapshot> after = service.snapshots(ids, Timeframe.H1, Duration.ofDays(365))
                .await()
                .indefinitely();
        assertThat(after.get(written).quote().close())
                .as("the write is seen at once")
                .isEqualByComparingTo("12");
        assertThat(after.get(other).quote().close()).isEqualByComparingTo("11");
        assertThat(statements).as("only the asset written is read again").hasValue(4);
    }

    @Test
    void shouldShowStoredIndicatorsInTheNextSnapshotAtOnce() {
        long asset = MarketTestData.asset(pool, "SI", false);
        candle(asset, LATEST, "11", "1");
        assertThat(service.snapshots(List.of(asset), Timeframe.H1, Duration.ofDays(365))
                        .await()
                        .indefinitely()
                        .get(asset)
                        .indicators())
                .isNull();

        CandleSeriesService.Series live =
                series.series(asset, Timeframe.H1, null).await().indefinitely();
        int stored = series.storeIndicators(
                        List.of(new CandleSeriesService.IndicatorValues(
                                live.ids()[0], live.versions()[0], "{\"RSI\": 70.5}")),
                        10)
                .await()
                .indefinitely();
        assertThat(stored).isEqualTo(1);

        StoredIndicators values = service.snapshots(List.of(asset), Timeframe.H1, Duration.ofDays(365))
                .await()
                .indefinitely()
                .get(asset)
                .indicators();
        assertThat(values).isNotNull();
        assertThat(values.values()).containsEntry("RSI", 70.5);
    }

    @Test
    void shouldNotKeepASnapshotLoadedBeforeAWriteOfItsAsset() {
        AssetSnapshotCache.Key key = new AssetSnapshotCache.Key(-42L, Timeframe.H1, 365);
        long before = snapshots.generation(-42L);
        snapshots.invalidate(-42L); // a write commits while the load is running
        snapshots.put(key, new AssetSnapshotCache.Rows(before, null, null, null, BigDecimal.ONE));
        assertThat(snapshots.get(key)).isNull();

        snapshots.put(key, new AssetSnapshotCache.Rows(snapshots.generation(-42L), null, null, null, BigDecimal.ONE));
        assertThat(snapshots.get(key)).isNotNull();
        snapshots.invalidate(-42L);
        assertThat(snapshots.get(key)).as("an older generation is never served").isNull();
    }

    @Test
    void shouldComputeChangesExactlyWhenReferencesAreDecimals() {
        assertThat(MarketReadService.changePercent(new BigDecimal("0.00012"), new BigDecimal("0.00011")))
                .isEqualByComparingTo("9.0909");
        assertThat(MarketReadService.changePercent(new BigDecimal("1"), null)).isNull();
        assertThat(MarketReadService.changePercent(new BigDecimal("1"), BigDecimal.ZERO))
                .isNull();
    }

    private void candle(long asset, Instant time, String close, String volume) {
        AlertTestData.candle(pool, asset, "1h", time, close, volume);
    }

    /** Counts the statements the service runs (each repository method is one statement). */
    static final class CountingTransactions extends Transactions {

        private final AtomicInteger count;

        CountingTransactions(Pool pool, AtomicInteger count) {
            super(pool);
            this.count = count;
        }

        @Override
        public <T> Uni<T> statement(Function<SqlClient, Uni<T>> work) {
            count.incrementAndGet();
            return super.statement(work);
        }
    }
}
