package org.coinpilot.indicators.domain;

import java.util.Arrays;

/**
 * Incremental form of one indicator: consumes closed candles one at a time and gives, after each, the same doubles
 * as the batch form at that bar. {@link #update} allocates nothing and runs in O(1), except where a subclass states
 * otherwise (window min/max rescans, CCI's mean deviation).
 *
 * <p>Not thread-safe: one state per (series, indicator), updated by one thread at a time.
 */
public abstract class IndicatorState {

    final IndicatorSpec spec;
    final double[] out;
    long count;

    IndicatorState(IndicatorSpec spec) {
        this.spec = spec;
        this.out = TaLib.nanArray(spec.outputs().size());
    }

    public final IndicatorSpec spec() {
        return spec;
    }

    /** Number of candles consumed so far; the next candle gets bar index {@code count()}. */
    public final long count() {
        return count;
    }

    /**
     * Feeds the next closed candle. {@code volume} is base-asset volume, {@link Double#NaN} when unknown. The session
     * and anchored VWAP need the open time and refuse this form ({@link IllegalStateException}).
     */
    public abstract void update(double open, double high, double low, double close, double volume);

    /**
     * Feeds the next closed candle with its open time (epoch seconds, increasing). Indicators that do not depend on
     * time ignore it.
     */
    public void update(long openTime, double open, double high, double low, double close, double volume) {
        update(open, high, low, close, volume);
    }

    /** Feeds bar {@code i} of {@code candles} (with its open time when the candles have times). */
    public final void update(Candles candles, int i) {
        if (candles.time() != null) {
            update(
                    candles.time()[i],
                    candles.open()[i],
                    candles.high()[i],
                    candles.low()[i],
                    candles.close()[i],
                    candles.volume()[i]);
        } else {
            update(candles.open()[i], candles.high()[i], candles.low()[i], candles.close()[i], candles.volume()[i]);
        }
    }

    /** Value of output {@code index} (see {@link IndicatorSpec#outputs()}) at the last bar; NaN while warming up. */
    public final double value(int index) {
        return out[index];
    }

    /** Value of the first output at the last bar; NaN while warming up. */
    public final double value() {
        return out[0];
    }

    /** True once the last bar has a value. */
    public final boolean warmupSatisfied() {
        return !Double.isNaN(out[0]);
    }

    /** A copy of this state as primitives. */
    public final IndicatorSnapshot snapshot() {
        double[] s = scalars();
        double[] all = Arrays.copyOf(s, s.length + out.length);
        for (int i = 0; i < out.length; i++) {
            all[s.length + i] = Double.isNaN(out[i]) ? 0.0 : out[i];
        }
        return new IndicatorSnapshot(spec.key(), count, all, window());
    }

    final void restore(IndicatorSnapshot snapshot) {
        double[] all = snapshot.scalars();
        int n = all.length - out.length;
        if (n < 0) {
            throw new IllegalArgumentException(
                    "snapshot of " + snapshot.key() + " has " + all.length + " scalars, too few");
        }
        this.count = snapshot.count();
        load(Arrays.copyOf(all, n), snapshot.window().clone());
        System.arraycopy(all, n, out, 0, out.length);
        if (count <= spec.warmup() || !hasValue()) {
            Arrays.fill(out, Double.NaN);
        }
    }

    /** Scalar fields in a fixed order (outputs excluded: the base class appends them). */
    abstract double[] scalars();

    /** Ring buffer content, or an empty array. */
    abstract double[] window();

    /** Inverse of {@link #scalars()} and {@link #window()}; validates lengths. */
    abstract void load(double[] scalars, double[] window);

    /** Whether the restored fields describe a bar with a value (beyond count > warmup). */
    boolean hasValue() {
        return true;
    }

    static void checkLength(IndicatorSpec spec, String what, double[] a, int expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException(
                    "snapshot of " + spec.key() + ": " + what + " has " + a.length + " values, expected " + expected);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.key() + ", count=" + count + ", out=" + Arrays.toString(out)
                + "]";
    }
}
