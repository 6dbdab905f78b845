package org.coinpilot.indicators.domain;

/**
 * CCI(n) as TA-Lib computes it: typical price (H + L + C) / 3 in a ring (slot = bar mod n), mean and mean deviation
 * summed over the ring in slot order, {@code (tp - mean) / (0.015 × meanDev)}, 0 when either is zero. Scalars: pos.
 * Window: the last n typical prices. O(n) per bar (two sums over the window, as TA-Lib).
 */
final class CciState extends IndicatorState {

    final int n;
    final double[] ring;
    int pos;

    CciState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.ring = new double[n];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        double tp = (high + low + close) / 3;
        ring[pos] = tp;
        if (++pos == n) {
            pos = 0;
        }
        if (i < n - 1) {
            return;
        }
        out[0] = cci(ring, n, tp);
    }

    static double cci(double[] ring, int n, double last) {
        double avg = 0;
        for (int j = 0; j < n; j++) {
            avg += ring[j];
        }
        avg /= n;
        double dev = 0;
        for (int j = 0; j < n; j++) {
            dev += Math.abs(ring[j] - avg);
        }
        double t = last - avg;
        return !TaLib.isZero(t) && !TaLib.isZero(dev) ? t / (0.015 * (dev / n)) : 0.0;
    }

    @Override
    double[] scalars() {
        return new double[] {pos};
    }

    @Override
    double[] window() {
        return ring.clone();
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 1);
        checkLength(spec, "window", window, n);
        pos = (int) scalars[0];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("snapshot of " + spec.key() + ": ring position " + pos);
        }
        System.arraycopy(window, 0, ring, 0, n);
    }
}
