package org.coinpilot.indicators.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * The saved form of an {@link IndicatorState}: primitives only, every number finite for finite inputs (outputs that
 * are not available yet are written as 0 and come back as NaN on restore), so it can be stored as JSON.
 *
 * @param key the indicator's canonical key, e.g. {@code rsi_14}
 * @param count the number of candles the state has consumed
 * @param scalars the state's scalar fields, in an order fixed per indicator kind (see the state class)
 * @param window the state's ring buffer(s), empty for indicators that need none
 */
public record IndicatorSnapshot(String key, long count, double[] scalars, double[] window) {

    public IndicatorSnapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scalars, "scalars");
        Objects.requireNonNull(window, "window");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorSnapshot s
                && key.equals(s.key)
                && count == s.count
                && Arrays.equals(scalars, s.scalars)
                && Arrays.equals(window, s.window);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, count, Arrays.hashCode(scalars), Arrays.hashCode(window));
    }

    @Override
    public String toString() {
        return "IndicatorSnapshot[key=" + key + ", count=" + count + ", scalars=" + Arrays.toString(scalars)
                + ", window=" + Arrays.toString(window) + "]";
    }
}
