package org.coinpilot.indicators.domain;

/**
 * Anchored VWAP: Σ(tp × volume) / Σ volume over the candles opening at or after the anchor, typical price
 * (H + L + C) / 3, base volume. No value before the anchor, nor at all when the stored history starts after the
 * anchor's first candle (it could be missing: a value then could change when older candles are added), nor after a
 * candle of unknown volume (NaN), nor while the volume is 0.
 *
 * <p>Scalars: interval, hasFirst, covered, broken, Σ(tp × volume), Σvolume. O(1).
 */
final class VwapAnchoredState extends IndicatorState {

    final long interval;
    final long anchor;
    boolean hasFirst;
    boolean covered;
    boolean broken;
    double pv;
    double vol;

    VwapAnchoredState(IndicatorSpec spec, long interval) {
        super(spec);
        this.interval = interval;
        this.anchor = spec.anchorSeconds();
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        throw new IllegalStateException(spec.key() + " needs the candles' open times");
    }

    @Override
    public void update(long time, double open, double high, double low, double close, double volume) {
        count++;
        if (!hasFirst) {
            hasFirst = true;
            covered = VwapState.covers(time, anchor, interval);
        }
        if (time < anchor) {
            out[0] = Double.NaN;
            return;
        }
        if (Double.isNaN(volume)) {
            broken = true;
        }
        if (!covered || broken) {
            out[0] = Double.NaN;
            return;
        }
        double tp = (high + low + close) / 3.0;
        pv += tp * volume;
        vol += volume;
        out[0] = vol > 0.0 ? pv / vol : Double.NaN;
    }

    @Override
    double[] scalars() {
        return new double[] {interval, hasFirst ? 1 : 0, covered ? 1 : 0, broken ? 1 : 0, pv, vol};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 6);
        checkLength(spec, "window", window, 0);
        if ((long) scalars[0] != interval) {
            throw new IllegalArgumentException(
                    "snapshot of " + spec.key() + ": interval " + (long) scalars[0] + ", state " + interval);
        }
        hasFirst = scalars[1] != 0;
        covered = scalars[2] != 0;
        broken = scalars[3] != 0;
        pv = scalars[4];
        vol = scalars[5];
    }

    @Override
    boolean hasValue() {
        return covered && !broken && vol > 0.0;
    }
}
