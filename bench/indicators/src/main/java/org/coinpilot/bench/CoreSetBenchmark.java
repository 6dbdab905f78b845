package org.coinpilot.bench;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.indicators.domain.CoreSet;
import org.coinpilot.indicators.domain.IndicatorResult;
import org.coinpilot.indicators.domain.IndicatorSpec;
import org.coinpilot.indicators.domain.IndicatorState;
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
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The core set (SMA20, EMA20, RSI14, MACD 12/26/9, BB 20/2, ATR14) over 1,000,000 synthetic candles, reported in ns
 * per candle (OperationsPerInvocation = N), plus the incremental form in ns per new candle for the whole set.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// AlwaysPreTouch: the batch forms allocate ~80 MB of output arrays per call; without pre-touched heap pages the
// first-touch page faults dominate and the numbers swing by 10x between iterations on a small VM.
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class CoreSetBenchmark {

    static final int N = 1_000_000;
    static final long SEED = 20261128L;

    @State(Scope.Benchmark)
    public static class Data {
        Candles candles;

        @Setup(Level.Trial)
        public void setUp() {
            candles = SyntheticCandles.generate(N, SEED);
        }
    }

    @State(Scope.Benchmark)
    public static class Ta4jData {
        BarSeries series;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            Candles c = data.candles;
            series = new BaseBarSeriesBuilder()
                    .withName("synthetic")
                    .withNumTypeOf(DoubleNum.class)
                    .build();
            ZonedDateTime t = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int i = 0; i < N; i++) {
                t = t.plusMinutes(1);
                series.addBar(
                        Duration.ofMinutes(1),
                        t,
                        c.open()[i],
                        c.high()[i],
                        c.low()[i],
                        c.close()[i],
                        c.volume()[i]);
            }
        }
    }

    /** (a) The engine, one batch call per indicator. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void engineSeparateBatch(Data d, Blackhole bh) {
        for (IndicatorSpec spec : CoreSet.SPECS) {
            IndicatorResult r = spec.compute(d.candles);
            bh.consume(r);
        }
    }

    /** (b) The engine's fused pass. */
    @Benchmark
    @OperationsPerInvocation(N)
    public CoreSet.Result engineFused(Data d) {
        return CoreSet.compute(d.candles);
    }

    @State(Scope.Thread)
    public static class Preallocated {
        CoreSet.Result out;

        @Setup(Level.Trial)
        public void setUp() {
            out = new CoreSet.Result(
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N],
                    new double[N]);
        }
    }

    /** (b') The fused pass writing into preallocated arrays: the arithmetic alone, no allocation. */
    @Benchmark
    @OperationsPerInvocation(N)
    public CoreSet.Result engineFusedIntoPreallocated(Data d, Preallocated p) {
        CoreSet.computeInto(d.candles.high(), d.candles.low(), d.candles.close(), p.out);
        return p.out;
    }

    /** (c) ta4j 0.17, DoubleNum, the same set over every bar (fresh indicators, so nothing is cached beforehand). */
    @Benchmark
    @OperationsPerInvocation(N)
    public void ta4j(Ta4jData d, Blackhole bh) {
        BarSeries s = d.series;
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator sma = new SMAIndicator(close, 20);
        EMAIndicator ema = new EMAIndicator(close, 20);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        Num two = DoubleNum.valueOf(2);
        BollingerBandsUpperIndicator up = new BollingerBandsUpperIndicator(mid, sd, two);
        BollingerBandsLowerIndicator lo = new BollingerBandsLowerIndicator(mid, sd, two);
        ATRIndicator atr = new ATRIndicator(s, 14);
        Indicator<?>[] all = {sma, ema, rsi, macd, signal, mid, up, lo, atr};
        int end = s.getEndIndex();
        for (int i = s.getBeginIndex(); i <= end; i++) {
            for (Indicator<?> ind : all) {
                bh.consume(ind.getValue(i));
            }
            bh.consume(macd.getValue(i).minus(signal.getValue(i)));
        }
    }

    /** (d) Plain naive multi-pass double[] loops, one per indicator. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void plainLoops(Data d, Blackhole bh) {
        Candles c = d.candles;
        bh.consume(PlainLoops.sma(c.close(), 20));
        bh.consume(PlainLoops.ema(c.close(), 20));
        bh.consume(PlainLoops.rsi(c.close(), 14));
        bh.consume(PlainLoops.macd(c.close(), 12, 26, 9));
        bh.consume(PlainLoops.bollinger(c.close(), 20, 2));
        bh.consume(PlainLoops.atr(c.high(), c.low(), c.close(), 14));
    }

    @State(Scope.Thread)
    public static class Live {
        IndicatorState[] states;
        Candles c;
        int cursor;

        @Setup(Level.Trial)
        public void setUp(Data d) {
            c = d.candles;
            states = new IndicatorState[CoreSet.SPECS.size()];
            for (int s = 0; s < states.length; s++) {
                IndicatorSpec spec = CoreSet.SPECS.get(s);
                // state from a batch run over history, then fed one candle at a time
                states[s] = spec.compute(prefix(c, 10_000)).state();
            }
            cursor = 10_000;
        }

        static Candles prefix(Candles c, int n) {
            return new Candles(
                    java.util.Arrays.copyOf(c.open(), n),
                    java.util.Arrays.copyOf(c.high(), n),
                    java.util.Arrays.copyOf(c.low(), n),
                    java.util.Arrays.copyOf(c.close(), n),
                    java.util.Arrays.copyOf(c.volume(), n));
        }
    }

    /** (e) Incremental: the whole core set for one new candle. */
    @Benchmark
    public void incrementalCoreSetPerCandle(Live live, Blackhole bh) {
        int i = live.cursor;
        Candles c = live.c;
        double o = c.open()[i];
        double h = c.high()[i];
        double l = c.low()[i];
        double cl = c.close()[i];
        double v = c.volume()[i];
        for (IndicatorState s : live.states) {
            s.update(o, h, l, cl, v);
            bh.consume(s.value(0));
        }
        live.cursor = i + 1 == N ? 10_000 : i + 1;
    }
}
