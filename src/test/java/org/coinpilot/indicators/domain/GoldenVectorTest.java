package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every indicator against TA-Lib's own output (talib-web, see bench/talib-golden) on synthetic series: same first
 * index, NaN before it, and within 1e-9 relative (absolute below {@link #FLOOR}) at every bar from it.
 */
class GoldenVectorTest {

    static final double TOLERANCE = 1e-9;
    /** Below this magnitude the error is taken as absolute (values that TA-Lib itself gives as rounding noise). */
    static final double FLOOR = 1e-9;

    @TestFactory
    Stream<DynamicTest> shouldMatchTaLibAtEveryBarWhenComputingBatch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String series : GoldenCsv.SERIES) {
            GoldenCsv g = GoldenCsv.load(series);
            for (Map.Entry<String, double[]> col : g.columns().entrySet()) {
                tests.add(DynamicTest.dynamicTest(series + " " + col.getKey(), () -> {
                    IndicatorSpec spec = IndicatorSpec.parse(GoldenCsv.keyOf(col.getKey()));
                    double[] actual = spec.compute(g.candles()).output(GoldenCsv.outputOf(col.getKey()));
                    assertMatches(g, spec, col.getKey(), actual, col.getValue());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldMatchTaLibAtEveryBarWhenUpdatingIncrementally() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String series : GoldenCsv.SERIES) {
            GoldenCsv g = GoldenCsv.load(series);
            for (Map.Entry<String, double[]> col : g.columns().entrySet()) {
                tests.add(DynamicTest.dynamicTest(series + " " + col.getKey(), () -> {
                    IndicatorSpec spec = IndicatorSpec.parse(GoldenCsv.keyOf(col.getKey()));
                    int out = spec.outputs().indexOf(GoldenCsv.outputOf(col.getKey()));
                    IndicatorState state = spec.newState(g.candles().interval());
                    double[] actual = new double[g.candles().size()];
                    for (int i = 0; i < actual.length; i++) {
                        state.update(g.candles(), i);
                        actual[i] = state.value(out);
                    }
                    assertMatches(g, spec, col.getKey(), actual, col.getValue());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void shouldCoverEveryIndicatorKindExceptVwapWhenReadingGoldenFiles() {
        GoldenCsv g = GoldenCsv.load("random_walk");
        assertThat(g.columns().keySet().stream()
                        .map(c -> IndicatorSpec.parse(GoldenCsv.keyOf(c)).kind())
                        .distinct())
                .containsExactlyInAnyOrder(Stream.of(IndicatorKind.values())
                        .filter(k -> k != IndicatorKind.VWAP
                                && k != IndicatorKind.VWAP_ROLLING
                                && k != IndicatorKind.VWAP_ANCHORED)
                        .toArray(IndicatorKind[]::new));
    }

    /** The series with candle times carry the VWAP family (reference values, VWAP is not in TA-Lib) and OBV / MFI. */
    @Test
    void shouldCoverTheVwapFamilyAndTheVolumeIndicatorsWhenReadingTheSeriesWithTimes() {
        for (String series : List.of("sessions_1h", "sessions_1d", "sessions_1w", "unknown_volume_1h")) {
            GoldenCsv g = GoldenCsv.load(series);
            assertThat(g.candles().time()).as(series).isNotNull();
            assertThat(g.columns().keySet().stream()
                            .map(c -> IndicatorSpec.parse(GoldenCsv.keyOf(c)).kind())
                            .distinct())
                    .as(series)
                    .contains(
                            IndicatorKind.VWAP,
                            IndicatorKind.VWAP_ROLLING,
                            IndicatorKind.VWAP_ANCHORED,
                            IndicatorKind.OBV,
                            IndicatorKind.MFI);
        }
    }

    /** Prints the max relative error per key (for the report); always passes. */
    @Test
    void shouldReportMaxErrorPerKeyWhenComparingWithTaLib() {
        Map<String, Double> max = new TreeMap<>();
        for (String series : GoldenCsv.SERIES) {
            GoldenCsv g = GoldenCsv.load(series);
            for (Map.Entry<String, double[]> col : g.columns().entrySet()) {
                IndicatorSpec spec = IndicatorSpec.parse(GoldenCsv.keyOf(col.getKey()));
                double[] actual = spec.compute(g.candles()).output(GoldenCsv.outputOf(col.getKey()));
                double[] expected = col.getValue();
                for (int i = 0; i < expected.length; i++) {
                    if (!Double.isNaN(expected[i])) {
                        max.merge(col.getKey(), Tolerance.relError(actual[i], expected[i], FLOOR), Math::max);
                    }
                }
            }
        }
        max.forEach((k, v) -> System.out.printf("golden max rel error %-28s %.3e%n", k, v));
        assertThat(max).isNotEmpty();
    }

    static void assertMatches(GoldenCsv g, IndicatorSpec spec, String column, double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        int first = firstValue(expected);
        int expectedFirst = first < 0 ? expected.length : first;
        assertThat(firstValue(actual) < 0 ? actual.length : firstValue(actual))
                .as("%s: first index", column)
                .isEqualTo(expectedFirst);
        // warmup() is the first index of a series that has every volume and whose history covers the first anchor:
        // the session / anchored VWAP start where their anchor allows, volume indicators after unknown volumes
        boolean laterByDesign = spec.kind().usesTime() || (spec.kind().usesVolume() && g.hasUnknownVolume());
        if (first >= 0 && !laterByDesign) {
            assertThat(spec.warmup()).as("%s: warmup()", column).isEqualTo(first);
        }
        if (first >= 0 && laterByDesign) {
            assertThat(first).as("%s: first index", column).isGreaterThanOrEqualTo(spec.warmup());
        }
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("%s bar %d", column, i).isNaN();
            } else {
                assertThat(actual[i]).as("%s bar %d", column, i).isNotNaN();
                assertThat(Tolerance.relError(actual[i], expected[i], FLOOR))
                        .as("%s bar %d: %s vs TA-Lib %s", column, i, actual[i], expected[i])
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    static int firstValue(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i])) {
                return i;
            }
        }
        return -1;
    }
}
