package org.coinpilot.prediction.domain.forecast;

import java.util.List;
import java.util.Map;

/** The baseline forecasters, their hyperparameter grids and how a stored configuration is read back. */
public final class Forecasters {

    /** The methods the training job fits, each with the grid it chooses from on validation data. */
    public static final List<String> TRAINED = List.of("drift", "ridge");

    private Forecasters() {}

    /** The candidates of a method (documented in docs/predictions.md "Baseline models"). */
    public static List<Forecaster> grid(String method) {
        return switch (method) {
            case "naive" -> List.of(new NaiveForecaster());
            case "drift" ->
                List.of(
                        new DriftForecaster(30),
                        new DriftForecaster(90),
                        new DriftForecaster(365),
                        new DriftForecaster(0));
            case "ridge" ->
                List.of(
                        new RidgeForecaster(3, 0.1, 500),
                        new RidgeForecaster(3, 1.0, 500),
                        new RidgeForecaster(3, 10.0, 500),
                        new RidgeForecaster(5, 0.1, 500),
                        new RidgeForecaster(5, 1.0, 500),
                        new RidgeForecaster(5, 10.0, 500),
                        new RidgeForecaster(10, 1.0, 500),
                        new RidgeForecaster(10, 10.0, 500));
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }

    /** The forecaster a stored configuration describes; null when it is not one of the baselines. */
    public static Forecaster fromConfiguration(Map<String, Object> configuration) {
        if (configuration == null || !(configuration.get("method") instanceof String method)) {
            return null;
        }
        try {
            return switch (method) {
                case "naive" -> new NaiveForecaster();
                case "drift" ->
                    new DriftForecaster(number(configuration, "window").intValue());
                case "ridge" ->
                    new RidgeForecaster(
                            number(configuration, "lags").intValue(),
                            number(configuration, "lambda").doubleValue(),
                            number(configuration, "window").intValue());
                default -> null;
            };
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            return null;
        }
    }

    private static Number number(Map<String, Object> configuration, String key) {
        return (Number) configuration.get(key);
    }
}
