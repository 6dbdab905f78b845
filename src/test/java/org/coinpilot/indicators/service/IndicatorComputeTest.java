package org.coinpilot.indicators.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.job.JobRunner;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.indicators.domain.IndicatorResult;
import org.coinpilot.indicators.domain.IndicatorSpec;
import org.coinpilot.indicators.testing.IndicatorTestSeries;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.service.CandleImportService;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorComputeTest {

    @Inject
    Pool pool;

    @Inject
    CandleRepository candles;

    @Inject
    CandleImportService imports;

    @Inject
    CandleSeriesService series;

    @Inject
    IndicatorComputeService compute;

    @Inject
    JobRunner runner;

    @Test
    void shouldStoreTheEngineBatchValuesWithTheirWarmUpWhenCandlesAreIngested() {
        long asset = MarketTestData.asset(pool, "IND", false);
        List<Kline> walk = IndicatorTestSeries.walk(260, 1);
        candles.upsert(pool, asset, Timeframe.H1, walk).await().indefinitely();

        compute.computePending().await().indefinitely();

        assertStoredEqualsBatch(asset, walk);
        List<JsonObject> stored = IndicatorTestSeries.stored(pool, asset);
        assertThat(stored.get(0).isEmpty()).isTrue();
        assertThat(stored.subList(0, 14))
                .allSatisfy(o -> assertThat(o.containsKey("RSI")).isFalse());
        assertThat(stored.get(14).getDouble("RSI")).isNotNull();
        assertThat(stored.get(32).containsKey("MACD")).isFalse();
        assertThat(stored.get(33).getJsonObject("MACD").fieldNames())
                .containsExactlyInAnyOrder("value", "signal", "histogram");
        assertThat(stored.get(198).getJsonObject("SMA").fieldNames()).containsExactlyInAnyOrder("50");
        assertThat(stored.get(199).getJsonObject("SMA").fieldNames()).containsExactlyInAnyOrder("50", "200");
        assertThat(stored.get(259).fieldNames()).containsExactlyInAnyOrder("RSI", "MACD", "SMA", "EMA", "BB", "ATR");
        assertThat(stored.get(259).getJsonObject("BB").fieldNames())
                .containsExactlyInAnyOrder("upper", "middle", "lower");
    }

    @Test
    void shouldRecomputeLaterValuesWhenAnOlderCandleIsReimported() {
        long asset = MarketTestData.asset(pool, "INR", false);
        String symbol = MarketTestData.symbol(pool, asset);
        List<Kline> walk = IndicatorTestSeries.walk(150, 2);
        candles.upsert(pool, asset, Timeframe.H1, walk).await().indefinitely();
        compute.computePending().await().indefinitely();
        List<JsonObject> before = IndicatorTestSeries.stored(pool, asset);

        Kline old = walk.get(100);
        Kline changed = IndicatorTestSeries.kline(
                old.openTime(),
                old.open().doubleValue(),
                old.high().doubleValue() * 1.2,
                old.low().doubleValue(),
                old.high().doubleValue() * 1.15,
                old.baseVolume().doubleValue());
        String csv = "open_time,open,high,low,close,volume\n" + old.openTime() + "," + changed.open() + ","
                + changed.high() + "," + changed.low() + "," + changed.close() + "," + changed.baseVolume() + "\n";
        assertThat(imports.importCsv(symbol, "1h", csv).await().indefinitely().updated())
                .isEqualTo(1);

        List<JsonObject> reset = IndicatorTestSeries.stored(pool, asset);
        assertThat(reset.subList(0, 100)).doesNotContainNull();
        assertThat(reset.subList(100, 150)).containsOnlyNulls();

        compute.computePending().await().indefinitely();

        List<Kline> now = new ArrayList<>(walk);
        now.set(100, changed);
        assertStoredEqualsBatch(asset, now);
        List<JsonObject> after = IndicatorTestSeries.stored(pool, asset);
        assertThat(after.subList(0, 100)).isEqualTo(before.subList(0, 100));
        assertThat(after.get(149).getDouble("RSI")).isNotEqualTo(before.get(149).getDouble("RSI"));
    }

    /**
     * Candles stored before base volume was kept get it when imported again (same prices, same USD volume): OBV, VWAP
     * and MFI of that candle and every later one change, so their stored values are reset (V060's trigger compares
     * base_volume too) and recomputed.
     */
    @Test
    void shouldResetLaterValuesWhenOnlyTheBaseVolumeOfAnOlderCandleArrives() {
        long asset = MarketTestData.asset(pool, "INB", false);
        List<Kline> legacy = new ArrayList<>();
        for (Kline k : IndicatorTestSeries.walk(80, 5)) {
            legacy.add(Kline.of(k.openTime(), k.open(), k.high(), k.low(), k.close(), k.volume(), null));
        }
        candles.upsert(pool, asset, Timeframe.H1, legacy).await().indefinitely();
        compute.computePending().await().indefinitely();
        assertThat(IndicatorTestSeries.stored(pool, asset)).doesNotContainNull();

        Kline old = legacy.get(50);
        Kline withBase = Kline.ofVolumes(
                old.openTime(),
                old.open(),
                old.high(),
                old.low(),
                old.close(),
                new java.math.BigDecimal("12.5"),
                old.volume(), // the USD volume does not change
                null);
        assertThat(withBase.volume()).isEqualByComparingTo(old.volume());
        candles.upsert(pool, asset, Timeframe.H1, List.of(withBase)).await().indefinitely();

        List<JsonObject> reset = IndicatorTestSeries.stored(pool, asset);
        assertThat(reset.subList(0, 50)).doesNotContainNull();
        assertThat(reset.subList(50, 80)).containsOnlyNulls();
        compute.computePending().await().indefinitely();
        assertThat(IndicatorTestSeries.stored(pool, asset)).doesNotContainNull();
    }

    @Test
    void shouldResetLaterValuesWhenAGapIsBackfilled() {
        long asset = MarketTestData.asset(pool, "ING", false);
        List<Kline> walk = IndicatorTestSeries.walk(80, 3);
        List<Kline> withGap = new ArrayList<>(walk);
        Kline missing = withGap.remove(40);
        candles.upsert(pool, asset, Timeframe.H1, withGap).await().indefinitely();
        compute.computePending().await().indefinitely();
        assertThat(IndicatorTestSeries.stored(pool, asset)).doesNotContainNull();

        candles.upsert(pool, asset, Timeframe.H1, List.of(missing)).await().indefinitely();

        List<JsonObject> reset = IndicatorTestSeries.stored(pool, asset);
        assertThat(reset.subList(0, 40)).doesNotContainNull();
        assertThat(reset.subList(40, 80)).containsOnlyNulls();
        compute.computePending().await().indefinitely();
        assertStoredEqualsBatch(asset, walk);
    }

    @Test
    void shouldNotStoreValuesComputedFromCandlesThatChangedMeanwhile() {
        long asset = MarketTestData.asset(pool, "INS", false);
        List<Kline> walk = IndicatorTestSeries.walk(60, 4);
        candles.upsert(pool, asset, Timeframe.H1, walk).await().indefinitely();
        CandleSeriesService.Series read =
                series.series(asset, Timeframe.H1, null).await().indefinitely();
        var values = compute.valuesToStore(read);

        Kline old = walk.get(30);
        candles.upsert(
                        pool,
                        asset,
                        Timeframe.H1,
                        List.of(IndicatorTestSeries.kline(
                                old.openTime(),
                                old.open().doubleValue(),
                                old.high().doubleValue() * 1.1,
                                old.low().doubleValue(),
                                old.high().doubleValue() * 1.05,
                                old.baseVolume().doubleValue())))
                .await()
                .indefinitely();
        int written = series.storeIndicators(values, 7).await().indefinitely();

        assertThat(written).isEqualTo(30);
        List<JsonObject> stored = IndicatorTestSeries.stored(pool, asset);
        assertThat(stored.subList(0, 30)).doesNotContainNull();
        assertThat(stored.subList(30, 60)).containsOnlyNulls();
    }

    @Test
    void shouldRunAfterEveryCandleIngestionWhenChained() {
        assertThat(runner.followUpsOf("market.candles.ingest")).containsExactly("indicators.compute");
        assertThat(runner.job("indicators.compute")).isPresent();
    }

    /** Every stored value equals the engine's batch value over the whole series, and only existing values are stored. */
    private void assertStoredEqualsBatch(long asset, List<Kline> klines) {
        Candles input = IndicatorTestSeries.candles(klines);
        double[] rsi = IndicatorSpec.parse("rsi_14").compute(input).values();
        IndicatorResult macd = IndicatorSpec.parse("macd_12_26_9").compute(input);
        double[] sma50 = IndicatorSpec.parse("sma_50").compute(input).values();
        double[] sma200 = IndicatorSpec.parse("sma_200").compute(input).values();
        double[] ema20 = IndicatorSpec.parse("ema_20").compute(input).values();
        double[] ema100 = IndicatorSpec.parse("ema_100").compute(input).values();
        IndicatorResult bb = IndicatorSpec.parse("bb_20_2").compute(input);
        double[] atr = IndicatorSpec.parse("atr_14").compute(input).values();
        List<JsonObject> stored = IndicatorTestSeries.stored(pool, asset);
        assertThat(stored).hasSize(klines.size()).doesNotContainNull();
        for (int i = 0; i < stored.size(); i++) {
            JsonObject o = stored.get(i);
            assertValue(o, i, "RSI", null, rsi[i]);
            assertValue(o, i, "MACD", "value", macd.output("value")[i]);
            assertValue(o, i, "MACD", "signal", macd.output("signal")[i]);
            assertValue(o, i, "MACD", "histogram", macd.output("histogram")[i]);
            assertValue(o, i, "SMA", "50", sma50[i]);
            assertValue(o, i, "SMA", "200", sma200[i]);
            assertValue(o, i, "EMA", "20", ema20[i]);
            assertValue(o, i, "EMA", "100", ema100[i]);
            assertValue(o, i, "BB", "upper", bb.output("upper")[i]);
            assertValue(o, i, "BB", "middle", bb.output("middle")[i]);
            assertValue(o, i, "BB", "lower", bb.output("lower")[i]);
            assertValue(o, i, "ATR", "14", atr[i]);
        }
    }

    private static void assertValue(JsonObject stored, int bar, String name, String field, double expected) {
        Object container = field == null ? stored : stored.getJsonObject(name);
        Double actual = null;
        if (container instanceof JsonObject json) {
            actual = json.getDouble(field == null ? name : field);
        }
        String where = "bar " + bar + " " + name + (field == null ? "" : "." + field);
        if (Double.isNaN(expected)) {
            assertThat(actual).as(where + " (warm-up not satisfied)").isNull();
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }
}
