package org.coinpilot.indicators.domain;

/** TA-Lib's numeric conventions, shared by the batch loops and the incremental states. */
final class TaLib {

    /** TA-Lib's TA_EPSILON as compiled in the reference build (talib-web 0.1.3): 1e-14. */
    static final double EPSILON = 0.00000000000001;

    private TaLib() {}

    /** TA_IS_ZERO. */
    static boolean isZero(double v) {
        return -EPSILON < v && v < EPSILON;
    }

    /** TA_IS_ZERO_OR_NEG. */
    static boolean isZeroOrNeg(double v) {
        return v < EPSILON;
    }

    /** PER_TO_K: EMA smoothing factor 2 / (n + 1). */
    static double perToK(int period) {
        return 2.0 / (period + 1);
    }

    /** TA-Lib's RSI from Wilder averages: 100 * g / (g + l); 0 when g + l is zero (flat series). */
    static double rsi(double gain, double loss) {
        double sum = gain + loss;
        return isZero(sum) ? 0.0 : 100.0 * (gain / sum);
    }

    /**
     * TA_TRANGE for one bar: max(H - L, |Cprev - H|, |L - Cprev|). Written with {@link Math#max} (branch-free): for
     * non-NaN operands, none of them -0.0, it picks the same value as TA-Lib's compare-and-replace chain.
     */
    static double trueRange(double high, double low, double prevClose) {
        return Math.max(Math.max(high - low, Math.abs(prevClose - high)), Math.abs(low - prevClose));
    }

    /** The gain part of a change d: d when d >= 0, else 0 (same value as TA-Lib's branch, adds exactly as it). */
    static double up(double d) {
        return Math.max(d, 0.0);
    }

    /** The loss part of a change d: -d when d < 0, else 0. */
    static double down(double d) {
        return Math.max(-d, 0.0);
    }

    static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
