package org.coinpilot.indicators.domain;

/** Wilder ATR(n), TA-Lib seeding. Scalars: prevClose, acc (sum of TR during the seed, then the ATR). O(1). */
final class AtrState extends IndicatorState {

    final int n;
    double prevClose;
    double acc;

    AtrState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i == 0) {
            prevClose = close;
            return;
        }
        double tr = TaLib.trueRange(high, low, prevClose);
        prevClose = close;
        if (i < n) {
            acc += tr;
        } else if (i == n) {
            acc += tr;
            acc = acc / n;
            out[0] = acc;
        } else {
            acc *= (n - 1);
            acc += tr;
            acc /= n;
            out[0] = acc;
        }
    }

    @Override
    double[] scalars() {
        return new double[] {prevClose, acc};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 2);
        checkLength(spec, "window", window, 0);
        prevClose = scalars[0];
        acc = scalars[1];
    }
}
