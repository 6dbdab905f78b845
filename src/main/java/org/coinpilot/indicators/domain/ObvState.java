package org.coinpilot.indicators.domain;

/**
 * On-balance volume (TA-Lib OBV) on base-asset volume. A candle of unknown volume (NaN) has no value and the OBV
 * starts again at the next candle (OBV = its volume), which is TA-Lib's OBV of the candles after it: nothing is
 * assumed about the unknown volume. Scalars: prevClose, obv, started. O(1).
 */
final class ObvState extends IndicatorState {

    double prevClose;
    double obv;
    boolean started;

    ObvState(IndicatorSpec spec) {
        super(spec);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        count++;
        if (Double.isNaN(volume)) {
            started = false;
            out[0] = Double.NaN;
            return;
        }
        if (!started) {
            obv = volume;
            started = true;
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
        return new double[] {prevClose, obv, started ? 1 : 0};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 3);
        checkLength(spec, "window", window, 0);
        prevClose = scalars[0];
        obv = scalars[1];
        started = scalars[2] != 0;
    }

    @Override
    boolean hasValue() {
        return started;
    }
}
