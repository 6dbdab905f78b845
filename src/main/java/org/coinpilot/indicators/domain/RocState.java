package org.coinpilot.indicators.domain;

/** ROC(n) = (C / C[n] - 1) × 100, 0 when C[n] is 0 (TA-Lib ROC). Scalars: pos. Window: the last n closes. O(1). */
final class RocState extends IndicatorState {

    final int n;
    final double[] ring;
    int pos;

    RocState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.ring = new double[n];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i >= n) {
            double then = ring[pos];
            out[0] = then != 0.0 ? ((close / then) - 1.0) * 100.0 : 0.0;
        }
        ring[pos] = close;
        if (++pos == n) {
            pos = 0;
        }
    }

    @Override
    double[] scalars() {
        return new double[] {pos};
    }

    @Override
    double[] window() {
        return ring.clone();
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 1);
        checkLength(spec, "window", window, n);
        pos = (int) scalars[0];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("snapshot of " + spec.key() + ": ring position " + pos);
        }
        System.arraycopy(window, 0, ring, 0, n);
    }
}
