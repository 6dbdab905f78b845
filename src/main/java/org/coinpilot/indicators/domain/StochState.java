package org.coinpilot.indicators.domain;

/**
 * Fast stochastic (TA-Lib STOCHF, %D = SMA). Scalars: window (pos, lowestIdx, highestIdx, lowest, highest), %D SMA
 * (pos, seen, sum). Window: highs, lows (n each), then the last d %K values. Window min/max: amortised O(1), O(n)
 * rescan when the extreme leaves the window.
 */
final class StochState extends IndicatorState {

    final MinMaxWindow mm;
    final SmaWindow d;

    StochState(IndicatorSpec spec) {
        super(spec);
        this.mm = new MinMaxWindow(spec.period());
        this.d = new SmaWindow(spec.period2());
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (!mm.push(i, high, low)) {
            return;
        }
        double k = fastK(close, mm.lowest, mm.highest);
        double dv = d.push(k);
        if (!Double.isNaN(dv)) {
            out[0] = k;
            out[1] = dv;
        }
    }

    /** TA-Lib STOCHF: diff = (HH - LL) / 100; %K = (C - LL) / diff, 0 when diff is 0. */
    static double fastK(double close, double lowest, double highest) {
        double diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (close - lowest) / diff : 0.0;
    }

    @Override
    double[] scalars() {
        double[] s = new double[MinMaxWindow.SCALARS + SmaWindow.SCALARS];
        mm.write(s, 0);
        d.write(s, MinMaxWindow.SCALARS);
        return s;
    }

    @Override
    double[] window() {
        int n = mm.n;
        double[] w = new double[2 * n + d.n];
        System.arraycopy(mm.highs, 0, w, 0, n);
        System.arraycopy(mm.lows, 0, w, n, n);
        System.arraycopy(d.ring, 0, w, 2 * n, d.n);
        return w;
    }

    @Override
    void load(double[] scalars, double[] window) {
        int n = mm.n;
        checkLength(spec, "scalars", scalars, MinMaxWindow.SCALARS + SmaWindow.SCALARS);
        checkLength(spec, "window", window, 2 * n + d.n);
        mm.read(scalars, 0);
        d.read(scalars, MinMaxWindow.SCALARS);
        System.arraycopy(window, 0, mm.highs, 0, n);
        System.arraycopy(window, n, mm.lows, 0, n);
        System.arraycopy(window, 2 * n, d.ring, 0, d.n);
    }
}
