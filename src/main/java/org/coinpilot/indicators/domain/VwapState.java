package org.coinpilot.indicators.domain;

import java.time.LocalDate;

/**
 * Session VWAP: Σ(tp × volume) / Σ volume from the first candle of each session, typical price (H + L + C) / 3, base
 * volume. Sessions are calendar periods in UTC chosen by the candle length ({@link #period(long)}): a day for intraday
 * candles (TradingView's default anchor), a month for 1d, a year for 1w; a candle belongs to the session that contains
 * its open time.
 *
 * <p>A value never depends on how much history is stored: a session is computed only when the stored history covers
 * its start (the first candle opens at the session start, or so soon after it that no candle could be missing:
 * {@code first < start + interval}), so adding older candles cannot change it. No value (NaN) after a candle of
 * unknown volume (NaN) in the session, nor while the session's volume is 0.
 *
 * <p>Scalars: interval, hasFirst, firstTime, sessionStart, sessionEnd, sessionOk, Σ(tp × volume), Σvolume. O(1);
 * the calendar is consulted once per session.
 */
final class VwapState extends IndicatorState {

    static final long DAY_SECONDS = 86_400L;

    /** The calendar period a session lasts. */
    enum Period {
        DAY,
        MONTH,
        YEAR
    }

    final long interval;
    final Period period;
    boolean hasFirst;
    long firstTime;
    long sessionStart = Long.MAX_VALUE;
    long sessionEnd = Long.MIN_VALUE;
    boolean sessionOk;
    double pv;
    double vol;

    VwapState(IndicatorSpec spec, long interval) {
        super(spec);
        this.interval = interval;
        this.period = period(interval);
    }

    /** Day for candles shorter than a day (and unknown lengths), month for 1d, year for a week or longer. */
    static Period period(long interval) {
        if (interval < DAY_SECONDS) {
            return Period.DAY;
        }
        return interval < 7 * DAY_SECONDS ? Period.MONTH : Period.YEAR;
    }

    /** Whether a series whose first candle opens at {@code first} holds every candle from {@code start} on. */
    static boolean covers(long first, long start, long interval) {
        return first <= start || first < start + interval;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        throw new IllegalStateException(spec.key() + " needs the candles' open times");
    }

    @Override
    public void update(long time, double open, double high, double low, double close, double volume) {
        count++;
        if (!hasFirst) {
            hasFirst = true;
            firstTime = time;
        }
        if (time >= sessionEnd || time < sessionStart) {
            startSession(time);
            pv = 0.0;
            vol = 0.0;
            sessionOk = covers(firstTime, sessionStart, interval);
        }
        if (Double.isNaN(volume)) {
            sessionOk = false;
        }
        if (!sessionOk) {
            out[0] = Double.NaN;
            return;
        }
        double tp = (high + low + close) / 3.0;
        pv += tp * volume;
        vol += volume;
        out[0] = vol > 0.0 ? pv / vol : Double.NaN;
    }

    private void startSession(long time) {
        long day = Math.floorDiv(time, DAY_SECONDS);
        switch (period) {
            case DAY -> {
                sessionStart = day * DAY_SECONDS;
                sessionEnd = sessionStart + DAY_SECONDS;
            }
            case MONTH -> {
                LocalDate first = LocalDate.ofEpochDay(day).withDayOfMonth(1);
                sessionStart = first.toEpochDay() * DAY_SECONDS;
                sessionEnd = first.plusMonths(1).toEpochDay() * DAY_SECONDS;
            }
            case YEAR -> {
                LocalDate first = LocalDate.ofEpochDay(day).withDayOfYear(1);
                sessionStart = first.toEpochDay() * DAY_SECONDS;
                sessionEnd = first.plusYears(1).toEpochDay() * DAY_SECONDS;
            }
        }
    }

    @Override
    double[] scalars() {
        return new double[] {interval, hasFirst ? 1 : 0, firstTime, sessionStart, sessionEnd, sessionOk ? 1 : 0, pv, vol
        };
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 8);
        checkLength(spec, "window", window, 0);
        if ((long) scalars[0] != interval) {
            throw new IllegalArgumentException(
                    "snapshot of " + spec.key() + ": interval " + (long) scalars[0] + ", state " + interval);
        }
        hasFirst = scalars[1] != 0;
        firstTime = (long) scalars[2];
        sessionStart = (long) scalars[3];
        sessionEnd = (long) scalars[4];
        sessionOk = scalars[5] != 0;
        pv = scalars[6];
        vol = scalars[7];
    }

    @Override
    boolean hasValue() {
        return sessionOk && vol > 0.0;
    }
}
