package org.coinpilot.prediction.domain.forecast;

import java.util.Map;

/**
 * A price forecaster on one series: from the log closes up to and including index {@code t} (nothing later), the
 * expected log return from the close at {@code t} to the close {@code horizon} candles later. Implementations are
 * deterministic, pure Java and stateless, so the same configuration on the same data always gives the same forecast
 * (a stored version can be re-evaluated on new held-out data).
 */
public interface Forecaster {

    /** The method name: naive, drift or ridge. */
    String method();

    /** The configuration that reproduces this forecaster ({@link Forecasters#fromConfiguration}). */
    Map<String, Object> configuration();

    /** How many candles before {@code t} it needs (at least one forecast is possible from this index on). */
    int warmUp(int horizon);

    /** The expected log return from {@code logCloses[t]} to {@code logCloses[t + horizon]}, from indices ≤ t. */
    double logReturn(double[] logCloses, int t, int horizon);
}
