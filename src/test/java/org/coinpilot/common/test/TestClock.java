package org.coinpilot.common.test;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application {@link Clock} of every test: the system clock unless a test pins it ({@link #set(Instant)})
 * or moves it forward ({@link #advance(Duration)}); a test that changes it must {@link #reset()} it when it
 * ends, so tests that do not care see real time.
 */
@Mock
@Singleton
public class TestClock extends Clock {

    private static volatile Instant fixed;
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** Pins the clock at {@code instant} (until {@link #reset()}). */
    public static void set(Instant instant) {
        fixed = instant;
    }

    /** Moves the clock forward by {@code by} (on top of a pinned instant, if any). */
    public static void advance(Duration by) {
        OFFSET.updateAndGet(current -> current.plus(by));
    }

    /** Back to the system clock. */
    public static void reset() {
        fixed = null;
        OFFSET.set(Duration.ZERO);
    }

    /** What the clock reads now. */
    public static Instant current() {
        Instant base = fixed;
        return (base != null ? base : Instant.now()).plus(OFFSET.get());
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
