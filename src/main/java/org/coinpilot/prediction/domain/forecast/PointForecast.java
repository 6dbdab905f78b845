package org.coinpilot.prediction.domain.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.prediction.domain.VolatilityLevel;

/**
 * One forecast from the newest close of a series (docs/predictions.md "Predictions"): the forecaster's close
 * {@code horizon} candles ahead, the 95 % interval from the RiskMetrics EWMA volatility, and the probability that the
 * forecast is accurate within a threshold under the same volatility — with the inputs it used, named.
 *
 * <p>Confidence: with {@code s = sigma × sqrt(horizon)} and the log of the outcome over the forecast normal, {@code
 * ln(actual / predicted) ~ N(0, s²)}, the forecast is accurate ({@code |actual − predicted| / actual ≤ k}, k the
 * threshold / 100) exactly when {@code ln(actual / predicted)} lies in {@code [−ln(1 + k), −ln(1 − k)]}, so {@code p =
 * Φ(−ln(1 − k) / s) + Φ(ln(1 + k) / s) − 1}. This is the agreed {@code 2Φ(z) − 1, z = ln(1 + k) / s} with the upper
 * bound taken exactly instead of symmetrically: never lower, higher by at most about 0.012 for k ≤ 5 % (e.g. k = 2 %,
 * s = 2 %: 0.6827 against 0.6779).
 */
public final class PointForecast {

    /** The level of the stored interval. */
    public static final String LEVEL = "0.95";

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** What one forecast gives. */
    public record Result(
            double inputClose,
            double logReturn,
            double predicted,
            double sigma,
            double lower,
            double upper,
            double confidence,
            List<String> featuresUsed,
            Map<String, Object> inputFeatures) {}

    private PointForecast() {}

    /**
     * The forecast from the last of {@code closes} (opened at {@code times[last]}), which must be closed candles
     * without gaps; {@code thresholdPercent} as stored in {@code accuracy_threshold}.
     */
    public static Result of(
            Forecaster forecaster, double[] closes, Instant[] times, int horizon, double thresholdPercent) {
        int t = closes.length - 1;
        if (t < Math.max(forecaster.warmUp(horizon), EwmaVolatility.SEED)) {
            throw new IllegalArgumentException("too few candles for " + forecaster.method());
        }
        double[] logCloses = WalkForward.logs(closes);
        double sigma = EwmaVolatility.series(logCloses)[t];
        double logReturn = forecaster.logReturn(logCloses, t, horizon);
        double predicted = closes[t] * Math.exp(logReturn);
        double half = WalkForward.Z95 * sigma * Math.sqrt(horizon);
        List<String> features = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        features.add("close");
        inputs.put("close", closes[t]);
        inputs.put("candleTime", times[t].toString());
        inputs.put("candles", closes.length);
        inputs.put("firstCandleTime", times[0].toString());
        Map<String, Object> configuration = forecaster.configuration();
        switch (forecaster.method()) {
            case "drift" -> {
                int window = ((Number) configuration.get("window")).intValue();
                int first = window == 0 ? 0 : Math.max(0, t - window);
                features.add("mean_log_return");
                inputs.put("window", window);
                inputs.put("windowFromCandleTime", times[first].toString());
                inputs.put("windowFromClose", closes[first]);
                inputs.put("mean_log_return", t > first ? (logCloses[t] - logCloses[first]) / (t - first) : 0.0);
            }
            case "ridge" -> {
                int lags = ((Number) configuration.get("lags")).intValue();
                for (int j = 1; j <= lags; j++) {
                    String name = "log_return_lag" + j;
                    features.add(name);
                    inputs.put(name, logCloses[t - j + 1] - logCloses[t - j]);
                }
                inputs.put("fitWindow", configuration.get("window"));
                inputs.put("lambda", configuration.get("lambda"));
            }
            default -> {
                // naive: the last close is the whole input
            }
        }
        features.add("ewma_volatility");
        inputs.put("ewma_volatility", sigma);
        inputs.put("predictedLogReturn", logReturn);
        return new Result(
                closes[t],
                logReturn,
                predicted,
                sigma,
                predicted * Math.exp(-half),
                predicted * Math.exp(half),
                confidence(thresholdPercent, sigma, horizon),
                List.copyOf(features),
                inputs);
    }

    /**
     * The probability that the outcome is within {@code thresholdPercent} % of the forecast (relative to the outcome),
     * with one-candle log volatility {@code sigma} over {@code horizon} candles (class comment).
     */
    public static double confidence(double thresholdPercent, double sigma, int horizon) {
        double k = thresholdPercent / 100.0;
        double s = sigma * Math.sqrt(horizon);
        if (s <= 0) {
            return 1.0;
        }
        double above = k >= 1 ? 1.0 : NORMAL.cumulativeProbability(-Math.log1p(-k) / s);
        double below = NORMAL.cumulativeProbability(Math.log1p(k) / s);
        return Math.max(0.0, Math.min(1.0, above + below - 1.0));
    }

    /** The one-candle volatility annualised (365 days a year: crypto trades every day). */
    public static double annualised(double sigma, Timeframe timeframe) {
        double perYear = 365.0 * 86_400.0 / timeframe.duration().toSeconds();
        return sigma * Math.sqrt(perYear);
    }

    /** LOW below {@code medium}, HIGH from {@code high}, MEDIUM between (annualised fractions). */
    public static VolatilityLevel level(double sigma, Timeframe timeframe, double medium, double high) {
        double annual = annualised(sigma, timeframe);
        if (annual >= high) {
            return VolatilityLevel.HIGH;
        }
        return annual >= medium ? VolatilityLevel.MEDIUM : VolatilityLevel.LOW;
    }
}
