package org.coinpilot.indicators.domain;

/**
 * Stochastic RSI (TA-Lib STOCHRSI = STOCHF with high = low = close = Wilder RSI(n)). Scalars: prevClose, gain, loss,
 * window (5), %D SMA (3). Window: the last k RSI values (twice: as highs and lows), then the last d %K values.
 */
final class StochRsiState extends IndicatorState {

    final int n;
    final MinMaxWindow mm;
    final SmaWindow d;
    double prev;
    double gain;
    double loss;

    StochRsiState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.mm = new MinMaxWindow(spec.period2());
        this.d = new SmaWindow(spec.period3());
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i == 0) {
            prev = close;
            return;
        }
        double diff = close - prev;
        prev = close;
        if (i > n) {
            loss *= (n - 1);
            gain *= (n - 1);
        }
        if (diff < 0) {
            loss -= diff;
        } else {
            gain += diff;
        }
        if (i < n) {
            return;
        }
        loss /= n;
        gain /= n;
        double rsi = TaLib.rsi(gain, loss);
        if (!mm.push(i - n, rsi, rsi)) {
            return;
        }
        double k = StochState.fastK(rsi, mm.lowest, mm.highest);
        double dv = d.push(k);
        if (!Double.isNaN(dv)) {
            out[0] = k;
            out[1] = dv;
        }
    }

    @Override
    double[] scalars() {
        double[] s = new double[3 + MinMaxWindow.SCALARS + SmaWindow.SCALARS];
        s[0] = prev;
        s[1] = gain;
        s[2] = loss;
        mm.write(s, 3);
        d.write(s, 3 + MinMaxWindow.SCALARS);
        return s;
    }

    @Override
    double[] window() {
        int k = mm.n;
        double[] w = new double[2 * k + d.n];
        System.arraycopy(mm.highs, 0, w, 0, k);
        System.arraycopy(mm.lows, 0, w, k, k);
        System.arraycopy(d.ring, 0, w, 2 * k, d.n);
        return w;
    }

    @Override
    void load(double[] scalars, double[] window) {
        int k = mm.n;
        checkLength(spec, "scalars", scalars, 3 + MinMaxWindow.SCALARS + SmaWindow.SCALARS);
        checkLength(spec, "window", window, 2 * k + d.n);
        prev = scalars[0];
        gain = scalars[1];
        loss = scalars[2];
        mm.read(scalars, 3);
        d.read(scalars, 3 + MinMaxWindow.SCALARS);
        System.arraycopy(window, 0, mm.highs, 0, k);
        System.arraycopy(window, k, mm.lows, 0, k);
        System.arraycopy(window, 2 * k, d.ring, 0, d.n);
    }
}
