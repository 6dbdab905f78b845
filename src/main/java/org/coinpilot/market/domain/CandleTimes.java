package org.coinpilot.market.domain;

import java.time.Duration;
import java.time.Instant;
import org.coinpilot.common.time.Timeframe;

/** Candle open times: the grid every provider and the database agree on (UTC, weeks open on Monday). */
public final class CandleTimes {

    /** 1970-01-01 was a Thursday; Binance's weekly candles open on Monday 00:00 UTC (1970-01-05). */
    private static final long WEEK_OFFSET_MILLIS = Duration.ofDays(4).toMillis();

    private CandleTimes() {}

    /** The open time of the candle that contains {@code instant}. */
    public static Instant floor(Timeframe timeframe, Instant instant) {
        long length = timeframe.duration().toMillis();
        long offset = timeframe == Timeframe.W1 ? WEEK_OFFSET_MILLIS : 0L;
        long millis = instant.toEpochMilli() - offset;
        return Instant.ofEpochMilli(Math.floorDiv(millis, length) * length + offset);
    }

    /** Whether {@code instant} is a candle open time of {@code timeframe}. */
    public static boolean isAligned(Timeframe timeframe, Instant instant) {
        return floor(timeframe, instant).equals(instant);
    }

    /** The open time of the newest closed candle at {@code now}: the candle before the forming one. */
    public static Instant lastClosed(Timeframe timeframe, Instant now) {
        return floor(timeframe, now).minus(timeframe.duration());
    }
}
