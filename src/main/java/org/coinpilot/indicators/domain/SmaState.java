package org.coinpilot.indicators.domain;

/** SMA(n) of the close. Scalars: pos, seen, sum. Window: the last n closes (ring). O(1). */
final class SmaState extends IndicatorState {

    final SmaWindow w;

    SmaState(IndicatorSpec spec) {
        super(spec);
        this.w = new SmaWindow(spec.period());
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        out[0] = w.push(close);
        count++;
    }

    @Override
    double[] scalars() {
        double[] s = new double[SmaWindow.SCALARS];
        w.write(s, 0);
        return s;
    }

    @Override
    double[] window() {
        return w.ring.clone();
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, SmaWindow.SCALARS);
        checkLength(spec, "window", window, w.n);
        w.read(scalars, 0);
        System.arraycopy(window, 0, w.ring, 0, w.n);
    }
}
