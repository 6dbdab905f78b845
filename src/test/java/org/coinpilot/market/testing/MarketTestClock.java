package org.coinpilot.market.testing;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: the system clock unless a test pins it with {@link #set(Instant)} (and
 * {@link #reset()}s it afterwards), so tests that do not care see real time.
 */
@Mock
@ApplicationScoped
public class MarketTestClock extends Clock {

    private static volatile Instant fixed;

    public static void set(Instant instant) {
        fixed = instant;
    }

    public static void reset() {
        fixed = null;
    }

    public static Instant current() {
        Instant value = fixed;
        return value != null ? value : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return current();
    }
}
