package org.coinpilot.indicators.domain;

/**
 * Wilder ADX(n) as TA-Lib computes it: +DM/-DM and TR summed over bars 1..n-1, then Wilder-smoothed
 * ({@code x - x/n + new}) from bar n; DX summed over bars n..2n-1, first ADX = that sum / n at bar 2n-1, then
 * {@code (adx (n-1) + dx) / n}. A bar whose TR or DI sum is zero leaves the ADX unchanged. Scalars: prevHigh, prevLow,
 * prevClose, plusDM, minusDM, tr, adx (the DX sum during the seed). O(1).
 */
final class AdxState extends IndicatorState {

    final int n;
    double prevHigh;
    double prevLow;
    double prevClose;
    double plusDM;
    double minusDM;
    double tr;
    double adx;

    AdxState(IndicatorSpec spec) {
        super(spec);
        this.n = spec.period();
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i == 0) {
            prevHigh = high;
            prevLow = low;
            prevClose = close;
            return;
        }
        double diffP = high - prevHigh;
        prevHigh = high;
        double diffM = prevLow - low;
        prevLow = low;
        if (i >= n) {
            minusDM -= minusDM / n;
            plusDM -= plusDM / n;
        }
        if (diffM > 0 && diffP < diffM) {
            minusDM += diffM;
        } else if (diffP > 0 && diffP > diffM) {
            plusDM += diffP;
        }
        double range = TaLib.trueRange(high, low, prevClose);
        prevClose = close;
        if (i < n) {
            tr += range;
            return;
        }
        tr = tr - tr / n + range;
        double dx = Double.NaN;
        if (!TaLib.isZero(tr)) {
            double minusDI = 100.0 * (minusDM / tr);
            double plusDI = 100.0 * (plusDM / tr);
            double sum = minusDI + plusDI;
            if (!TaLib.isZero(sum)) {
                dx = 100.0 * (Math.abs(minusDI - plusDI) / sum);
            }
        }
        long last = 2L * n - 1;
        if (i < last) {
            if (!Double.isNaN(dx)) {
                adx += dx;
            }
            return;
        }
        if (i == last) {
            if (!Double.isNaN(dx)) {
                adx += dx;
            }
            adx = adx / n;
        } else if (!Double.isNaN(dx)) {
            adx = (adx * (n - 1) + dx) / n;
        }
        out[0] = adx;
    }

    @Override
    double[] scalars() {
        return new double[] {prevHigh, prevLow, prevClose, plusDM, minusDM, tr, adx};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 7);
        checkLength(spec, "window", window, 0);
        prevHigh = scalars[0];
        prevLow = scalars[1];
        prevClose = scalars[2];
        plusDM = scalars[3];
        minusDM = scalars[4];
        tr = scalars[5];
        adx = scalars[6];
    }
}
