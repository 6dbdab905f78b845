package org.coinpilot.common.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition (checked every 50 ms), never for a fixed time. */
public final class Poll {

    private Poll() {}

    /** Returns as soon as {@code condition} holds; fails with {@code what} when it still does not after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + limit + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
