package org.coinpilot.indicators.domain;

/**
 * Highest high and lowest low over the last n bars, tracked like TA-Lib's STOCHF/WILLR: the extreme and its bar
 * index are kept, a new bar replaces it when it is at least as extreme, and the window is rescanned (O(n)) only when
 * the extreme leaves it. Amortised O(1) on typical data, O(n) worst case per bar (a monotonic trend); the values are
 * exact whatever the algorithm, since min/max involve no rounding.
 */
final class MinMaxWindow {

    final int n;
    final double[] highs;
    final double[] lows;
    int pos;
    long lowestIdx = -1;
    long highestIdx = -1;
    double lowest;
    double highest;

    MinMaxWindow(int n) {
        this.n = n;
        this.highs = new double[n];
        this.lows = new double[n];
    }

    /** Pushes bar {@code i} (bars are pushed consecutively from 0); returns true once the window holds n bars. */
    boolean push(long i, double high, double low) {
        highs[pos] = high;
        lows[pos] = low;
        if (++pos == n) {
            pos = 0;
        }
        if (i < n - 1) {
            return false;
        }
        long trailing = i - n + 1;
        // after the increment, pos is the slot of bar 'trailing' (the oldest in the window)
        if (lowestIdx < trailing) {
            int slot = pos;
            lowest = lows[slot];
            lowestIdx = trailing;
            for (int j = 1; j < n; j++) {
                if (++slot == n) {
                    slot = 0;
                }
                double tmp = lows[slot];
                if (tmp < lowest) {
                    lowestIdx = trailing + j;
                    lowest = tmp;
                }
            }
        } else if (low <= lowest) {
            lowestIdx = i;
            lowest = low;
        }
        if (highestIdx < trailing) {
            int slot = pos;
            highest = highs[slot];
            highestIdx = trailing;
            for (int j = 1; j < n; j++) {
                if (++slot == n) {
                    slot = 0;
                }
                double tmp = highs[slot];
                if (tmp > highest) {
                    highestIdx = trailing + j;
                    highest = tmp;
                }
            }
        } else if (high >= highest) {
            highestIdx = i;
            highest = high;
        }
        return true;
    }

    static final int SCALARS = 5;

    void write(double[] s, int off) {
        s[off] = pos;
        s[off + 1] = lowestIdx;
        s[off + 2] = highestIdx;
        s[off + 3] = lowest;
        s[off + 4] = highest;
    }

    void read(double[] s, int off) {
        pos = (int) s[off];
        lowestIdx = (long) s[off + 1];
        highestIdx = (long) s[off + 2];
        lowest = s[off + 3];
        highest = s[off + 4];
        if (pos < 0 || pos >= n) {
            throw new IllegalArgumentException("ring position " + pos + " out of range for period " + n);
        }
    }
}
