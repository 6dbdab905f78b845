package org.coinpilot.indicators.domain;

/**
 * TA-Lib's TA_INT_SMA as a stream: a ring of the last n inputs and a running sum (add the new value, divide, then
 * subtract the value that leaves the window), so the doubles are the same as TA-Lib's batch loop.
 */
final class SmaWindow {

    final int n;
    final double[] ring;
    int pos;
    long seen;
    double sum;

    SmaWindow(int n) {
        this.n = n;
        this.ring = new double[n];
    }

    /** Pushes x; returns the SMA once n values were pushed, else NaN. */
    double push(double x) {
        ring[pos] = x;
        sum += x;
        if (++pos == n) {
            pos = 0;
        }
        if (++seen < n) {
            return Double.NaN;
        }
        double total = sum;
        sum -= ring[pos];
        return total / n;
    }

    static final int SCALARS = 3;

    void write(double[] s, int off) {
        s[off] = pos;
        s[off + 1] = seen;
        s[off + 2] = sum;
    }

    void read(double[] s, int off) {
        pos = (int) s[off];
        seen = (long) s[off + 1];
        sum = s[off + 2];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("ring position " + pos + " out of range for period " + n);
        }
    }
}
