package org.coinpilot.bench;

import java.util.concurrent.TimeUnit;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.indicators.domain.IndicatorSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The volume indicators over 1,000,000 synthetic 1-minute candles (base volume, open times from 2000-01-01), in ns per
 * candle: OBV, MFI 14, session VWAP (daily sessions), anchored VWAP, rolling VWAP 20 with its exact window sums, and
 * a plain rolling VWAP loop with running sums (add the new term, subtract the old one) as the baseline of the exact
 * form's cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class VolumeBenchmark {

    static final int N = CoreSetBenchmark.N;

    @State(Scope.Benchmark)
    public static class Data {
        Candles candles;

        @Setup(Level.Trial)
        public void setUp() {
            Candles c = SyntheticCandles.generate(N, CoreSetBenchmark.SEED);
            long[] time = new long[N];
            for (int i = 0; i < N; i++) {
                time[i] = 946_684_800L + 60L * i; // 2000-01-01T00:00:00Z, 1-minute candles
            }
            candles = c.withTimes(time, 60);
        }
    }

    static final IndicatorSpec OBV = IndicatorSpec.parse("obv");
    static final IndicatorSpec MFI = IndicatorSpec.parse("mfi_14");
    static final IndicatorSpec VWAP = IndicatorSpec.parse("vwap");
    static final IndicatorSpec AVWAP = IndicatorSpec.parse("avwap_20000101");
    static final IndicatorSpec VWAP_20 = IndicatorSpec.parse("vwap_20");

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] obv(Data d) {
        return OBV.compute(d.candles).values();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] mfi14(Data d) {
        return MFI.compute(d.candles).values();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vwapSession(Data d) {
        return VWAP.compute(d.candles).values();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vwapAnchored(Data d) {
        return AVWAP.compute(d.candles).values();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vwapRolling20Exact(Data d) {
        return VWAP_20.compute(d.candles).values();
    }

    /** Running sums: cheaper, but each value carries the rounding of every earlier candle (not what the engine does). */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] vwapRolling20PlainLoop(Data d) {
        Candles c = d.candles;
        double[] h = c.high(), l = c.low(), cl = c.close(), v = c.volume();
        double[] out = new double[N];
        double pv = 0, vol = 0;
        for (int i = 0; i < N; i++) {
            pv += (h[i] + l[i] + cl[i]) / 3.0 * v[i];
            vol += v[i];
            if (i >= 20) {
                int j = i - 20;
                pv -= (h[j] + l[j] + cl[j]) / 3.0 * v[j];
                vol -= v[j];
            }
            out[i] = i >= 19 && vol > 0 ? pv / vol : Double.NaN;
        }
        return out;
    }
}
