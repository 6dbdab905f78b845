package org.coinpilot.indicators.domain;

/**
 * Bollinger(n, k) with population σ in TA-Lib's running Σx / Σx² form. Scalars: pos, sum, sumSq. Window: the last n
 * closes. O(1).
 */
final class BollingerState extends IndicatorState {

    final int n;
    final double k;
    final double[] ring;
    int pos;
    double sum;
    double sumSq;

    BollingerState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.k = spec.multiplier();
        this.ring = new double[n];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        ring[pos] = close;
        sum += close;
        sumSq += close * close;
        if (++pos == n) {
            pos = 0;
        }
        if (i < n - 1) {
            return;
        }
        double oldest = ring[pos];
        double middle = sum / n;
        sum -= oldest;
        double meanSq = sumSq / n;
        sumSq -= oldest * oldest;
        meanSq -= middle * middle;
        double sd = TaLib.isZeroOrNeg(meanSq) ? 0.0 : Math.sqrt(meanSq);
        double dev = sd * k;
        out[0] = middle + dev;
        out[1] = middle;
        out[2] = middle - dev;
    }

    @Override
    double[] scalars() {
        return new double[] {pos, sum, sumSq};
    }

    @Override
    double[] window() {
        return ring.clone();
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 3);
        checkLength(spec, "window", window, n);
        pos = (int) scalars[0];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("snapshot of " + spec.key() + ": ring position " + pos);
        }
        sum = scalars[1];
        sumSq = scalars[2];
        System.arraycopy(window, 0, ring, 0, n);
    }
}
