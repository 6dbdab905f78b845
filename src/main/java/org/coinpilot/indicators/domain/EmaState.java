package org.coinpilot.indicators.domain;

/** EMA(n), SMA-seeded. Scalar: acc (running sum during the seed, then the EMA). O(1). */
final class EmaState extends IndicatorState {

    final int n;
    final double k;
    double acc;

    EmaState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.k = TaLib.perToK(n);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i < n - 1) {
            acc += close;
        } else if (i == n - 1) {
            acc += close;
            acc = acc / n;
            out[0] = acc;
        } else {
            acc = ((close - acc) * k) + acc;
            out[0] = acc;
        }
    }

    @Override
    double[] scalars() {
        return new double[] {acc};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 1);
        checkLength(spec, "window", window, 0);
        acc = scalars[0];
    }
}
