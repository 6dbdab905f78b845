package org.coinpilot.indicators.domain;

/**
 * The exact sum of doubles added and removed in any order, read as the correctly rounded double (Shewchuk's
 * non-overlapping partials, rounded as CPython's {@code math.fsum} does). Because the represented sum is exact, the
 * value depends only on the multiset of terms currently in it, never on what was added and removed before: a rolling
 * window read from it gives the same double whatever history preceded the window (VWAP_N, docs/indicators.md).
 * Finite terms only. No allocation per operation.
 */
final class ExactSum {

    /** Non-overlapping partials of finite doubles number at most about 2098 / 53 ≈ 40. */
    private final double[] partials = new double[64];

    private int size;

    void add(double x) {
        double[] p = partials;
        int i = 0;
        for (int j = 0; j < size; j++) {
            double y = p[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        size = i;
        if (x != 0.0) {
            p[size++] = x;
        }
    }

    void clear() {
        size = 0;
    }

    /** The exact sum rounded to the nearest double (ties to even). */
    double value() {
        double[] p = partials;
        int n = size;
        if (n == 0) {
            return 0.0;
        }
        double hi = p[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        // half-even rounding across partials: the rest below lo pushes a tie towards its side
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }
}
