package org.coinpilot.indicators.domain;

/**
 * Williams %R (TA-Lib WILLR). Scalars: window (pos, lowestIdx, highestIdx, lowest, highest). Window: highs, lows.
 * Window min/max: amortised O(1), O(n) rescan when the extreme leaves the window.
 */
final class WillrState extends IndicatorState {

    final MinMaxWindow mm;

    WillrState(IndicatorSpec spec) {
        super(spec);
        this.mm = new MinMaxWindow(spec.period());
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (!mm.push(i, high, low)) {
            return;
        }
        double diff = (mm.highest - mm.lowest) / (-100.0);
        out[0] = diff != 0.0 ? (mm.highest - close) / diff : 0.0;
    }

    @Override
    double[] scalars() {
        double[] s = new double[MinMaxWindow.SCALARS];
        mm.write(s, 0);
        return s;
    }

    @Override
    double[] window() {
        int n = mm.n;
        double[] w = new double[2 * n];
        System.arraycopy(mm.highs, 0, w, 0, n);
        System.arraycopy(mm.lows, 0, w, n, n);
        return w;
    }

    @Override
    void load(double[] scalars, double[] window) {
        int n = mm.n;
        checkLength(spec, "scalars", scalars, MinMaxWindow.SCALARS);
        checkLength(spec, "window", window, 2 * n);
        mm.read(scalars, 0);
        System.arraycopy(window, 0, mm.highs, 0, n);
        System.arraycopy(window, n, mm.lows, 0, n);
    }
}
