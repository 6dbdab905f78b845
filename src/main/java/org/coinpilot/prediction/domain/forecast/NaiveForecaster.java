package org.coinpilot.prediction.domain.forecast;

import java.util.Map;

/** The yardstick: the next close equals the last one (a zero log return). Every model is compared with it. */
public final class NaiveForecaster implements Forecaster {

    @Override
    public String method() {
        return "naive";
    }

    @Override
    public Map<String, Object> configuration() {
        return Map.of("method", method());
    }

    @Override
    public int warmUp(int horizon) {
        return 0;
    }

    @Override
    public double logReturn(double[] logCloses, int t, int horizon) {
        return 0.0;
    }
}
