package org.coinpilot.indicators.domain;

/**
 * Rolling VWAP over the last n candles: Σ(tp × volume) / Σ volume, typical price (H + L + C) / 3, base volume. The
 * two sums are exact ({@link ExactSum}) and rounded once, so a value depends only on its n candles, never on the
 * history before them (a running sum with subtraction would carry rounding from every earlier candle). No value while
 * fewer than n candles were seen, while a candle of the window has unknown volume (NaN), or while the window's volume
 * is 0.
 *
 * <p>Scalars: ringPos, unknown (candles of unknown volume in the window). Window: the n tp × volume terms, then the n
 * volumes (NaN where unknown). The exact sums are rebuilt from the window on restore. O(1) amortised (a few partials
 * per sum).
 */
final class VwapRollingState extends IndicatorState {

    final int n;
    final double[] pvRing;
    final double[] volRing;
    final ExactSum pvSum = new ExactSum();
    final ExactSum volSum = new ExactSum();
    int pos;
    int unknown;

    VwapRollingState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.pvRing = new double[n];
        this.volRing = new double[n];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i >= n) {
            if (Double.isNaN(volRing[pos])) {
                unknown--;
            } else {
                pvSum.add(-pvRing[pos]);
                volSum.add(-volRing[pos]);
            }
        }
        if (Double.isNaN(volume)) {
            pvRing[pos] = Double.NaN;
            volRing[pos] = Double.NaN;
            unknown++;
        } else {
            double pv = (high + low + close) / 3.0 * volume;
            pvRing[pos] = pv;
            volRing[pos] = volume;
            pvSum.add(pv);
            volSum.add(volume);
        }
        if (++pos == n) {
            pos = 0;
        }
        if (i >= n - 1 && unknown == 0) {
            double v = volSum.value();
            out[0] = v > 0.0 ? pvSum.value() / v : Double.NaN;
        } else {
            out[0] = Double.NaN;
        }
    }

    @Override
    double[] scalars() {
        return new double[] {pos, unknown};
    }

    @Override
    double[] window() {
        double[] w = new double[2 * n];
        System.arraycopy(pvRing, 0, w, 0, n);
        System.arraycopy(volRing, 0, w, n, n);
        return w;
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 2);
        checkLength(spec, "window", window, 2 * n);
        pos = (int) scalars[0];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("snapshot of " + spec.key() + ": ring position " + pos);
        }
        unknown = (int) scalars[1];
        System.arraycopy(window, 0, pvRing, 0, n);
        System.arraycopy(window, n, volRing, 0, n);
        pvSum.clear();
        volSum.clear();
        for (int k = 0; k < n; k++) {
            if (!Double.isNaN(volRing[k])) {
                pvSum.add(pvRing[k]);
                volSum.add(volRing[k]);
            }
        }
    }

    @Override
    boolean hasValue() {
        return unknown == 0 && volSum.value() > 0.0;
    }
}
