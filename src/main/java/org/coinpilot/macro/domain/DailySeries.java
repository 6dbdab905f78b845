package org.coinpilot.macro.domain;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A daily series of numbers, oldest first, one value per day that has one (missing days are absent, never filled).
 * Every read takes a day {@code d} and looks only at values on or before {@code d}: this is how the regime
 * method cannot look ahead.
 */
public final class DailySeries {

    private final LocalDate[] days;
    private final double[] values;

    /** {@code days} strictly increasing, same length as {@code values}. */
    public DailySeries(LocalDate[] days, double[] values) {
        if (days.length != values.length) {
            throw new IllegalArgumentException("days and values differ in length");
        }
        for (int i = 1; i < days.length; i++) {
            if (!days[i].isAfter(days[i - 1])) {
                throw new IllegalArgumentException("days must be strictly increasing at " + days[i]);
            }
        }
        this.days = days.clone();
        this.values = values.clone();
    }

    public static DailySeries empty() {
        return new DailySeries(new LocalDate[0], new double[0]);
    }

    public int size() {
        return days.length;
    }

    public LocalDate day(int index) {
        return days[index];
    }

    public double value(int index) {
        return values[index];
    }

    /** Index of the last value on or before {@code day}, or -1. */
    public int indexAtOrBefore(LocalDate day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the value of exactly {@code day}, or -1. */
    public int indexOf(LocalDate day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -1;
    }

    /** Mean of the {@code n} values ending at {@code end} (inclusive); NaN when fewer than {@code n} exist. */
    public double mean(int end, int n) {
        if (end - n + 1 < 0 || end >= values.length) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - n + 1; i <= end; i++) {
            sum += values[i];
        }
        return sum / n;
    }

    /** Largest value among the {@code n} ending at {@code end} (fewer at the start of the series). */
    public double max(int end, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = Math.max(0, end - n + 1); i <= end; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** Mean of the values of the calendar days {@code [day - days + 1, day]} that have one; NaN when none. */
    public double calendarMean(LocalDate day, int calendarDays) {
        int end = indexAtOrBefore(day);
        LocalDate first = day.minusDays(calendarDays - 1L);
        double sum = 0;
        int n = 0;
        for (int i = end; i >= 0 && !days[i].isBefore(first); i--) {
            sum += values[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Number of values in the calendar days {@code [day - days + 1, day]}. */
    public int calendarCount(LocalDate day, int calendarDays) {
        int end = indexAtOrBefore(day);
        LocalDate first = day.minusDays(calendarDays - 1L);
        int n = 0;
        for (int i = end; i >= 0 && !days[i].isBefore(first); i--) {
            n++;
        }
        return n;
    }

    /**
     * Annualised (×√365) standard deviation of the {@code n} daily log returns ending at {@code end}; NaN when fewer
     * than {@code n + 1} values exist.
     */
    public double realisedVolatility(int end, int n) {
        if (end - n < 0 || end >= values.length) {
            return Double.NaN;
        }
        double[] r = new double[n];
        double mean = 0;
        for (int k = 0; k < n; k++) {
            int i = end - n + 1 + k;
            r[k] = Math.log(values[i] / values[i - 1]);
            mean += r[k];
        }
        mean /= n;
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / (n - 1)) * Math.sqrt(365);
    }

    /** A copy holding only the values on or before {@code day}. */
    public DailySeries upTo(LocalDate day) {
        int end = indexAtOrBefore(day) + 1;
        return new DailySeries(Arrays.copyOf(days, end), Arrays.copyOf(values, end));
    }
}
