package org.coinpilot.indicators.domain;

import java.util.Objects;

/**
 * Closed candles as parallel primitive arrays (index 0 = oldest). The arrays are used as given (not copied); callers
 * must not mutate them while an indicator runs.
 */
public record Candles(double[] open, double[] high, double[] low, double[] close, double[] volume) {

    public Candles {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        int n = close.length;
        if (open.length != n || high.length != n || low.length != n || volume.length != n) {
            throw new IllegalArgumentException("open/high/low/close/volume must have the same length, got "
                    + open.length + "/" + high.length + "/" + low.length + "/" + n + "/" + volume.length);
        }
    }

    /** Candles made of closes only (open = high = low = close, volume 0), for close-only indicators. */
    public static Candles ofCloses(double[] close) {
        return new Candles(close, close, close, close, new double[close.length]);
    }

    public int size() {
        return close.length;
    }
}
