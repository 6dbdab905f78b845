package org.coinpilot.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small helpers for instants as PostgreSQL stores them. */
public final class Times {

    private Times() {}

    /** The current instant of {@code clock}, truncated to PostgreSQL's microsecond precision. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code instant} truncated to microseconds (null stays null). */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
