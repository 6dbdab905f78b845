package org.coinpilot.indicators.domain;

/**
 * MFI(n) as TA-Lib computes it: typical price (H + L + C) / 3.0, money flow tp × volume (base-asset volume)
 * classified by the tp change (unchanged tp: none), running positive/negative sums over n flows,
 * {@code 100 × pos / (pos + neg)}, and 0 when {@code pos + neg < 1} (TA-Lib's own threshold). A candle of unknown
 * volume (NaN) has no value and the MFI starts again after it (a new warm-up of n + 1 candles): TA-Lib's MFI of the
 * candles after it, nothing assumed about the unknown flow. Scalars: prevTp, pos, posSum, negSum, seen (candles since
 * the start). Window: positive flows, then negative flows (n each). O(1).
 */
final class MfiState extends IndicatorState {

    final int n;
    final double[] posFlow;
    final double[] negFlow;
    double prevTp;
    int pos;
    double posSum;
    double negSum;
    long seen;

    MfiState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
        this.posFlow = new double[n];
        this.negFlow = new double[n];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        count++;
        if (Double.isNaN(volume)) {
            seen = 0;
            pos = 0;
            posSum = 0.0;
            negSum = 0.0;
            out[0] = Double.NaN;
            return;
        }
        long i = seen++;
        double tp = (high + low + close) / 3.0;
        if (i == 0) {
            prevTp = tp;
            return;
        }
        if (i > n) {
            posSum -= posFlow[pos];
            negSum -= negFlow[pos];
        }
        double change = tp - prevTp;
        prevTp = tp;
        double mf = tp * volume;
        if (change < 0) {
            negFlow[pos] = mf;
            negSum += mf;
            posFlow[pos] = 0.0;
        } else if (change > 0) {
            posFlow[pos] = mf;
            posSum += mf;
            negFlow[pos] = 0.0;
        } else {
            posFlow[pos] = 0.0;
            negFlow[pos] = 0.0;
        }
        if (++pos == n) {
            pos = 0;
        }
        if (i >= n) {
            double total = posSum + negSum;
            out[0] = total < 1.0 ? 0.0 : 100.0 * (posSum / total);
        }
    }

    @Override
    double[] scalars() {
        return new double[] {prevTp, pos, posSum, negSum, seen};
    }

    @Override
    double[] window() {
        double[] w = new double[2 * n];
        System.arraycopy(posFlow, 0, w, 0, n);
        System.arraycopy(negFlow, 0, w, n, n);
        return w;
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 5);
        checkLength(spec, "window", window, 2 * n);
        prevTp = scalars[0];
        pos = (int) scalars[1];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("snapshot of " + spec.key() + ": ring position " + pos);
        }
        posSum = scalars[2];
        negSum = scalars[3];
        seen = (long) scalars[4];
        System.arraycopy(window, 0, posFlow, 0, n);
        System.arraycopy(window, n, negFlow, 0, n);
    }

    @Override
    boolean hasValue() {
        return seen > n;
    }
}
