package org.coinpilot.indicators.domain;

/** Relative error with an absolute floor near zero. */
final class Tolerance {

    private Tolerance() {}

    /** |a - b| / max(|b|, floor). */
    static double relError(double actual, double expected, double floor) {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
    }
}
