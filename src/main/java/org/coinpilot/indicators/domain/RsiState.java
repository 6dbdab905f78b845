package org.coinpilot.indicators.domain;

/** Wilder RSI(n), TA-Lib seeding. Scalars: prevClose, gain, loss. O(1). */
final class RsiState extends IndicatorState {

    final int n;
    double prev;
    double gain;
    double loss;

    RsiState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i == 0) {
            prev = close;
            return;
        }
        double d = close - prev;
        prev = close;
        if (i < n) {
            if (d < 0) {
                loss -= d;
            } else {
                gain += d;
            }
            return;
        }
        if (i == n) {
            if (d < 0) {
                loss -= d;
            } else {
                gain += d;
            }
        } else {
            loss *= (n - 1);
            gain *= (n - 1);
            if (d < 0) {
                loss -= d;
            } else {
                gain += d;
            }
        }
        loss /= n;
        gain /= n;
        out[0] = TaLib.rsi(gain, loss);
    }

    @Override
    double[] scalars() {
        return new double[] {prev, gain, loss};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 3);
        checkLength(spec, "window", window, 0);
        prev = scalars[0];
        gain = scalars[1];
        loss = scalars[2];
    }
}
