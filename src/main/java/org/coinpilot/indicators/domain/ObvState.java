package org.coinpilot.indicators.domain;

/** On-balance volume (TA-Lib OBV). Scalars: prevClose, obv. O(1). */
final class ObvState extends IndicatorState {

    double prevClose;
    double obv;

    ObvState(IndicatorSpec spec) {
        super(spec);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i == 0) {
            obv = volume;
        } else if (close > prevClose) {
            obv += volume;
        } else if (close < prevClose) {
            obv -= volume;
        }
        prevClose = close;
        out[0] = obv;
    }

    @Override
    double[] scalars() {
        return new double[] {prevClose, obv};
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
        obv = scalars[1];
    }
}
