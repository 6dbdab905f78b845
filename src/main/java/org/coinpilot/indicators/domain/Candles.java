package org.coinpilot.indicators.domain;

import java.util.Objects;

/**
 * Closed candles as parallel primitive arrays (index 0 = oldest). The arrays are used as given (not copied); callers
 * must not mutate them while an indicator runs.
 *
 * <p>{@code volume} is the base-asset volume (BTC of BTCUSDT), what OBV, VWAP and MFI are defined on;
 * {@link Double#NaN} marks a candle whose volume is unknown (those indicators give no value that depends on it).
 * {@code time} holds the open times in epoch seconds (null when unknown) and {@code interval} the candle length in
 * seconds (0 when unknown): the session, anchored and rolling VWAP need them to place their anchors.
 */
public record Candles(
        double[] open, double[] high, double[] low, double[] close, double[] volume, long[] time, long interval) {

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
        if (time != null && time.length != n) {
            throw new IllegalArgumentException("time must have the length of close, got " + time.length + "/" + n);
        }
        if (interval < 0) {
            throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        }
    }

    /** Candles without open times (indicators that need them, the session and anchored VWAP, refuse them). */
    public Candles(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        this(open, high, low, close, volume, null, 0);
    }

    /** Candles made of closes only (open = high = low = close, volume 0), for close-only indicators. */
    public static Candles ofCloses(double[] close) {
        return new Candles(close, close, close, close, new double[close.length]);
    }

    /** The same candles with open times (epoch seconds) and candle length (seconds). */
    public Candles withTimes(long[] time, long interval) {
        return new Candles(open, high, low, close, volume, time, interval);
    }

    public int size() {
        return close.length;
    }
}
