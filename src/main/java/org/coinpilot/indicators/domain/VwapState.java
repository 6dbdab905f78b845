package org.coinpilot.indicators.domain;

/**
 * Cumulative VWAP from the first bar, typical price (H + L + C) / 3. Scalars: Σ(tp × volume), Σvolume. O(1). No
 * value (NaN) while the cumulative volume is zero.
 */
final class VwapState extends IndicatorState {

    double pv;
    double vol;

    VwapState(IndicatorSpec spec) {
        super(spec);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        count++;
        double tp = (high + low + close) / 3.0;
        pv += tp * volume;
        vol += volume;
        out[0] = vol > 0.0 ? pv / vol : Double.NaN;
    }

    @Override
    double[] scalars() {
        return new double[] {pv, vol};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 2);
        checkLength(spec, "window", window, 0);
        pv = scalars[0];
        vol = scalars[1];
    }

    @Override
    boolean hasValue() {
        return vol > 0.0;
    }
}
