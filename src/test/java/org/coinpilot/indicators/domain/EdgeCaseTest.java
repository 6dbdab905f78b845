package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EdgeCaseTest {

    static double[] values(String key, Candles c) {
        return IndicatorSpec.parse(key).compute(c).values();
    }

    static double[] tail(double[] a, int from) {
        return Arrays.copyOfRange(a, from, a.length);
    }

    @Test
    void shouldGiveTaLibZeroRsiAndZeroOscillatorsWhenTheSeriesIsFlat() {
        Candles flat = TestSeries.constant(100, 100.0, 1000);
        // TA-Lib: RSI = 100 g / (g + l) and 0 when g + l = 0; %K, %R, CCI, MFI, ADX are 0 for a flat window
        for (String key : new String[] {"rsi_14", "stoch_14_3", "willr_14", "cci_20", "mfi_14", "adx_14", "roc_10"}) {
            IndicatorSpec spec = IndicatorSpec.parse(key);
            IndicatorResult r = spec.compute(flat);
            for (double[] out : r.outputs()) {
                assertThat(tail(out, spec.warmup())).as(key).containsOnly(0.0);
            }
        }
        assertThat(IndicatorSpec.parse("stochrsi_14_14_3").compute(flat).output("d"))
                .satisfies(d -> assertThat(tail(d, 29)).containsOnly(0.0));
        assertThat(tail(values("atr_14", flat), 14)).containsOnly(0.0);
        IndicatorResult bb = IndicatorSpec.parse("bb_20_2").compute(flat);
        assertThat(tail(bb.output("upper"), 19)).containsOnly(100.0);
        assertThat(tail(bb.output("lower"), 19)).containsOnly(100.0);
        assertThat(tail(values("obv", flat), 0)).containsOnly(1000.0);
        assertThat(tail(values("vwap", flat), 0)).containsOnly(100.0);
    }

    @Test
    void shouldGiveRsiHundredWhenThereAreNoLosses() {
        double[] up = new double[40];
        for (int i = 0; i < up.length; i++) {
            up[i] = 100 + i;
        }
        assertThat(tail(values("rsi_14", Candles.ofCloses(up)), 14)).containsOnly(100.0);
    }

    @Test
    void shouldGiveZeroStochasticWhenHighestHighEqualsLowestLow() {
        // H = L = C on every bar, constant inside each window of 3: HH == LL
        double[] p = new double[30];
        Arrays.fill(p, 0, 15, 10.0);
        Arrays.fill(p, 15, 30, 12.0);
        Candles c = Candles.ofCloses(p);
        double[] k = IndicatorSpec.parse("stoch_3_1").compute(c).output("k");
        assertThat(k[5]).isZero();
        assertThat(k[15]).isEqualTo(100.0); // window 10,10,12: C = HH
        assertThat(k[29]).isZero();
        assertThat(values("willr_3", c)[29]).isZero();
    }

    @Test
    void shouldKeepObvAndGiveZeroMfiAndNoVwapWhenVolumeIsZero() {
        Candles c = TestSeries.randomWalk(3, 60);
        Candles noVolume = new Candles(c.open(), c.high(), c.low(), c.close(), new double[60], c.time(), 3600);
        assertThat(values("obv", noVolume)).containsOnly(0.0);
        assertThat(tail(values("mfi_14", noVolume), 14)).containsOnly(0.0);
        assertThat(values("vwap", noVolume)).containsOnly(Double.NaN);
        assertThat(values("vwap_5", noVolume)).containsOnly(Double.NaN);
        assertThat(values("avwap_20240101", noVolume)).containsOnly(Double.NaN);
        IndicatorState vwap = IndicatorSpec.vwap().newState(3600);
        vwap.update(TestSeries.START, 1, 1, 1, 1, 0);
        assertThat(vwap.warmupSatisfied()).isFalse();
        vwap.update(TestSeries.START + 3600, 1, 12, 6, 9, 2);
        assertThat(vwap.value()).isEqualTo(9.0);
        assertThat(IndicatorSpec.restore(vwap.snapshot()).value()).isEqualTo(9.0);
    }

    @Test
    void shouldComputeSessionVwapAsTypicalPriceWeightedByVolumeAndStartAgainAtMidnightUtc() {
        long day = TestSeries.START;
        Candles c = new Candles(
                        new double[] {1, 1, 1, 1},
                        new double[] {12, 15, 9, 12},
                        new double[] {6, 9, 3, 6},
                        new double[] {9, 12, 6, 9},
                        new double[] {2, 1, 3, 4})
                .withTimes(new long[] {day, day + 3600, day + 7200, day + 86_400}, 3600);
        // tp = 9, 12, 6, 9; cumulative within 2024-01-01: 18/2, 30/3, 48/6; 2024-01-02 starts again: 36/4
        assertThat(values("vwap", c)).containsExactly(9.0, 10.0, 8.0, 9.0);
    }

    @Test
    void shouldUseGapsInTrueRangeWhenHighEqualsLow() {
        double[] p = {10, 12, 11, 15, 15};
        Candles c = Candles.ofCloses(p); // H = L = C: TR = |C - prevC|
        assertThat(values("atr_1", c)).containsExactly(Double.NaN, 2.0, 1.0, 4.0, 0.0);
        assertThat(values("adx_2", c)[3]).isNotNaN();
    }

    @Test
    void shouldReturnOnlyNaNWithoutExceptionWhenSeriesIsShorterThanWarmup() {
        for (String key : TestSeries.KEYS) {
            IndicatorSpec spec = IndicatorSpec.parse(key);
            for (int len = 0; len <= spec.warmup(); len++) {
                Candles c = TestSeries.randomWalk(5, len);
                int n = len;
                assertThatCode(() -> {
                            IndicatorResult r = spec.compute(c);
                            boolean vwapWithValue = spec.kind().usesTime();
                            for (double[] out : r.outputs()) {
                                assertThat(out).hasSize(n);
                                if (n > 0 && !vwapWithValue) {
                                    assertThat(out).as(key).containsOnly(Double.NaN);
                                }
                            }
                            assertThat(r.state().count()).isEqualTo(n);
                        })
                        .as(key + " with " + len + " bars")
                        .doesNotThrowAnyException();
            }
            // one bar more: exactly one value
            IndicatorResult r = spec.compute(TestSeries.randomWalk(5, spec.warmup() + 1));
            assertThat(r.values()[spec.warmup()]).as(key).isNotNaN();
        }
    }

    @Test
    void shouldHaveNoNaNAfterTheFirstValueWhenSeriesIsLong() {
        for (long seed = 1; seed <= 10; seed++) {
            Candles c = TestSeries.randomWalk(seed, 500);
            for (String key : TestSeries.KEYS) {
                IndicatorSpec spec = IndicatorSpec.parse(key);
                if (spec.kind() == IndicatorKind.VWAP
                        || spec.kind() == IndicatorKind.VWAP_ROLLING
                        || spec.kind() == IndicatorKind.VWAP_ANCHORED) {
                    continue; // no value while their window's volume is 0: VwapTest checks exactly where
                }
                for (double[] out : spec.compute(c).outputs()) {
                    int first = GoldenVectorTest.firstValue(out);
                    assertThat(first).as(key).isEqualTo(spec.warmup());
                    for (int i = first; i < out.length; i++) {
                        assertThat(out[i]).as("%s seed %d bar %d", key, seed, i).isFinite();
                    }
                }
            }
        }
    }

    @Test
    void shouldKeepOscillatorsInRangeWhenSeriesIsRandom() {
        Candles c = TestSeries.randomWalk(42, 2000);
        for (String key : new String[] {"rsi_14", "stoch_14_3", "mfi_14", "stochrsi_14_14_3", "adx_14"}) {
            IndicatorSpec spec = IndicatorSpec.parse(key);
            for (double[] out : spec.compute(c).outputs()) {
                for (int i = spec.warmup(); i < out.length; i++) {
                    assertThat(out[i]).as("%s bar %d", key, i).isBetween(-1e-9, 100 + 1e-9);
                }
            }
        }
        double[] willr = values("willr_14", c);
        for (int i = 13; i < willr.length; i++) {
            assertThat(willr[i]).isBetween(-100.0, 0.0);
        }
    }
}
