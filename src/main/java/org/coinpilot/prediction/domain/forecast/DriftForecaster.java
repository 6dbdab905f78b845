package org.coinpilot.prediction.domain.forecast;

import java.util.Map;

/**
 * The random walk with drift: the mean one-candle log return of the last {@code window} candles (0: of the whole
 * history) times the horizon. Hyndman &amp; Athanasopoulos, Forecasting: Principles and Practice, §5.2 "drift method".
 */
public final class DriftForecaster implements Forecaster {

    private final int window;

    public DriftForecaster(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0");
        }
        this.window = window;
    }

    public int window() {
        return window;
    }

    @Override
    public String method() {
        return "drift";
    }

    @Override
    public Map<String, Object> configuration() {
        return Map.of("method", method(), "window", window);
    }

    @Override
    public int warmUp(int horizon) {
        return Math.max(1, window);
    }

    @Override
    public double logReturn(double[] logCloses, int t, int horizon) {
        int first = window == 0 ? 0 : Math.max(0, t - window);
        if (t <= first) {
            return 0.0;
        }
        // the mean of the one-candle returns telescopes to (last - first) / count
        return (logCloses[t] - logCloses[first]) / (t - first) * horizon;
    }
}
