package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The VWAP family: session, rolling and anchored VWAP never change when older history is added (the rule:
 * adding candles before the first stored one may make a missing value appear, never change one), the keys, and the
 * exact sums the rolling form relies on. Golden values (and the session periods, coverage and unknown volumes in
 * detail) are in GoldenVectorTest's series with times.
 */
class VwapTest {

    static final long DAY = 86_400L;

    /** Seeded candles with times, zero-volume stretches and a few unknown (NaN) volumes. */
    static Candles series(long seed, int n, long start, long interval) {
        Candles c = TestSeries.randomWalk(seed, n);
        Random rnd = new Random(seed * 31);
        double[] v = c.volume().clone();
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(200) == 0) {
                v[i] = Double.NaN;
            }
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + interval * i;
        }
        return new Candles(c.open(), c.high(), c.low(), c.close(), v, t, interval);
    }

    static Candles suffix(Candles c, int from) {
        int n = c.size();
        return new Candles(
                Arrays.copyOfRange(c.open(), from, n),
                Arrays.copyOfRange(c.high(), from, n),
                Arrays.copyOfRange(c.low(), from, n),
                Arrays.copyOfRange(c.close(), from, n),
                Arrays.copyOfRange(c.volume(), from, n),
                Arrays.copyOfRange(c.time(), from, n),
                c.interval());
    }

    @Test
    void shouldKeepEveryVwapValueWhenOlderHistoryIsPrepended() {
        // 1h from 2024-01-01 05:00 (mid-session), 1d from 2023-11-17 (mid-month), 1w from a Monday mid-year
        long[][] shapes = {{1_704_085_200L, 3600, 3000}, {1_700_179_200L, DAY, 900}, {1_651_449_600L, 7 * DAY, 400}};
        List<String> keys = List.of(
                "vwap",
                "vwap_1",
                "vwap_5",
                "vwap_24",
                "vwap_200",
                "avwap_20240103t0730",
                "avwap_20240301",
                "avwap_20231201",
                "avwap_20230101",
                "avwap_20220601");
        Random rnd = new Random(5);
        int compared = 0;
        for (long[] shape : shapes) {
            for (long seed = 1; seed <= 3; seed++) {
                Candles full = series(seed, (int) shape[2], shape[0], shape[1]);
                for (String key : keys) {
                    IndicatorSpec spec = IndicatorSpec.parse(key);
                    double[] all = spec.compute(full).values();
                    for (int k = 0; k < 6; k++) {
                        int cut = 1 + rnd.nextInt(full.size() - 1);
                        double[] later = spec.compute(suffix(full, cut)).values();
                        for (int i = 0; i < later.length; i++) {
                            if (!Double.isNaN(later[i])) {
                                compared++;
                                assertThat(Double.doubleToRawLongBits(all[cut + i]))
                                        .as(
                                                "%s interval %d seed %d: bar %d with history from bar %d",
                                                key, shape[1], seed, cut + i, cut)
                                        .isEqualTo(Double.doubleToRawLongBits(later[i]));
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50_000);
    }

    @Test
    void shouldGiveNoSessionValueWhenTheHistoryStartsInsideTheSession() {
        // first candle at 05:00: the rest of 2024-01-01 has no value (candles 00:00–04:00 could still be added)
        Candles c = series(3, 48, TestSeries.START + 5 * 3600, 3600);
        double[] v = IndicatorSpec.vwap().compute(c).values();
        assertThat(Arrays.copyOfRange(v, 0, 19)).containsOnly(Double.NaN);
        assertThat(v[19]).isNotNaN(); // 2024-01-02T00:00:00Z
        // the same candles as weekly: 2024-01-01 is a Monday, but the year began before it, so nothing is missing
        Candles weekly = series(3, 60, TestSeries.START, 7 * DAY);
        assertThat(IndicatorSpec.vwap().compute(weekly).values()[0]).isNotNaN();
    }

    @Test
    void shouldParseVwapKeysAndNameTheirAnchorInTheVariant() {
        assertThat(IndicatorSpec.parse("vwap").kind()).isEqualTo(IndicatorKind.VWAP);
        assertThat(IndicatorSpec.parse("vwap_20").kind()).isEqualTo(IndicatorKind.VWAP_ROLLING);
        assertThat(IndicatorSpec.parse("vwap_20").warmup()).isEqualTo(19);
        assertThat(IndicatorSpec.parse("avwap_20240101t0000").key()).isEqualTo("avwap_20240101");
        assertThat(IndicatorSpec.parse("avwap_20240229t1330").anchor())
                .isEqualTo(Instant.parse("2024-02-29T13:30:00Z"));
        assertThat(IndicatorSpec.vwapAnchored(Instant.parse("2024-02-29T13:30:00Z"))
                        .key())
                .isEqualTo("avwap_20240229t1330");
        assertThat(IndicatorSpec.vwapRolling(5)).isEqualTo(IndicatorSpec.parse("vwap_5"));
        assertThat(IndicatorSpec.parse("avwap_20240229t1330").variant()).contains("2024-02-29T13:30:00Z");
        assertThat(IndicatorSpec.parse("vwap_20").variant()).contains("last 20 candles");
        assertThat(IndicatorSpec.vwap().variant(3600)).contains("00:00 UTC each day");
        assertThat(IndicatorSpec.vwap().variant(DAY)).contains("calendar month");
        assertThat(IndicatorSpec.vwap().variant(7 * DAY)).contains("1 January");

        IndicatorSpecTest.assertRejected("vwap_0", "period must be >= 1, got 0");
        IndicatorSpecTest.assertRejected("vwap_1_2", "expected 0 parameter(s) (session VWAP) or 1 [period]");
        IndicatorSpecTest.assertRejected("avwap", "expected 1 parameter(s) [anchor]");
        IndicatorSpecTest.assertRejected("avwap_2024010", "is not YYYYMMDD or YYYYMMDDtHHMM");
        IndicatorSpecTest.assertRejected("avwap_20241301", "not a valid UTC date and time");
        IndicatorSpecTest.assertRejected("avwap_20240101t2460", "not a valid UTC date and time");
        IndicatorSpecTest.assertRejected("avwap_19691231", "before 1970");
        IndicatorSpecTest.assertRejected("avwap_20240101T0000", "is not YYYYMMDD or YYYYMMDDtHHMM");
    }

    @Test
    void shouldRefuseTheSessionVwapWithoutCandleTimes() {
        Candles c = TestSeries.randomWalk(1, 10);
        Candles noTimes = new Candles(c.open(), c.high(), c.low(), c.close(), c.volume());
        assertThatThrownBy(() -> IndicatorSpec.vwap().compute(noTimes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("open times");
        assertThat(IndicatorSpec.vwapRolling(3).compute(noTimes).values()[9]).isNotNaN();
    }

    @Test
    void shouldSumExactlyWhateverTheOrderOfAdditionsAndRemovals() {
        Random rnd = new Random(9);
        for (int round = 0; round < 500; round++) {
            List<Double> terms = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(60); i++) {
                terms.add((rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextInt(-12, 13)));
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (double t : terms) {
                exact = exact.add(new BigDecimal(t));
            }
            ExactSum sum = new ExactSum();
            List<Double> noise = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(20); i++) {
                noise.add(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-8, 15)));
            }
            for (double x : noise) {
                sum.add(x); // added before, removed later: leaves no trace
            }
            Collections.shuffle(terms, rnd);
            for (double t : terms) {
                sum.add(t);
            }
            for (double x : noise) {
                sum.add(-x);
            }
            assertThat(sum.value()).as("round %d", round).isEqualTo(exactDouble(exact));
        }
    }

    /** The double nearest to {@code exact} (ties to even; Double.parseDouble rounds correctly). */
    private static double exactDouble(BigDecimal exact) {
        return Double.parseDouble(exact.toString());
    }
}
