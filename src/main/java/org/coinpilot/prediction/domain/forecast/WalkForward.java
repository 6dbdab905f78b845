package org.coinpilot.prediction.domain.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Walk-forward evaluation: at every origin {@code t} of a range the forecaster sees the closes up to {@code t} only and
 * forecasts the close {@code horizon} candles later, which is then compared with what happened. The naive forecast
 * (last close) is scored on the same origins, so {@code mase} (MAE ÷ the naive MAE on the same points, a relative
 * MAE: below 1 beats the naive forecast) compares like with like.
 */
public final class WalkForward {

    /** z of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    private WalkForward() {}

    /**
     * The scores of one evaluation. {@code mase} is null when the naive MAE is 0 (a flat series); the directional
     * figures are null when the forecaster never predicted a direction (the naive forecast never does); the interval
     * coverage is null before the volatility is known.
     */
    public record Metrics(
            int count,
            double mae,
            double rmse,
            double mape,
            double naiveMae,
            Double mase,
            Integer directionalCount,
            Double directionalAccuracy,
            Double directionalPValue,
            Double intervalCoverage95) {

        /** As stored in {@code ai_models.performance_metrics} (JSON numbers, rounded to 10 significant digits). */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", count);
            map.put("mae", round(mae));
            map.put("rmse", round(rmse));
            map.put("mape", round(mape));
            map.put("naiveMae", round(naiveMae));
            map.put("mase", mase == null ? null : round(mase));
            map.put("directionalCount", directionalCount);
            map.put("directionalAccuracy", directionalAccuracy == null ? null : round(directionalAccuracy));
            map.put("directionalPValue", directionalPValue == null ? null : round(directionalPValue));
            map.put("intervalCoverage95", intervalCoverage95 == null ? null : round(intervalCoverage95));
            return map;
        }

        private static double round(double value) {
            return new java.math.BigDecimal(value)
                    .round(new java.math.MathContext(10))
                    .doubleValue();
        }
    }

    /**
     * Scores {@code forecaster} at the origins {@code from} ≤ t &lt; {@code to} (and t + horizon inside the series) of
     * {@code closes} (prices, all > 0). {@code sigma} is the one-candle EWMA volatility known at each index
     * ({@link EwmaVolatility#series}), for the 95 % interval of the forecast.
     */
    public static Metrics evaluate(
            Forecaster forecaster, double[] closes, double[] logCloses, double[] sigma, int from, int to, int horizon) {
        int end = Math.min(to, closes.length - horizon);
        int start = Math.max(from, forecaster.warmUp(horizon));
        int count = 0;
        double absolute = 0;
        double squared = 0;
        double percentage = 0;
        double naiveAbsolute = 0;
        int directional = 0;
        int hits = 0;
        int covered = 0;
        int intervals = 0;
        for (int t = start; t < end; t++) {
            double predictedReturn = forecaster.logReturn(logCloses, t, horizon);
            double predicted = closes[t] * Math.exp(predictedReturn);
            double actual = closes[t + horizon];
            double error = predicted - actual;
            count++;
            absolute += Math.abs(error);
            squared += error * error;
            percentage += Math.abs(error) / actual;
            naiveAbsolute += Math.abs(closes[t] - actual);
            double actualReturn = logCloses[t + horizon] - logCloses[t];
            if (Math.abs(predictedReturn) > 1e-15 && actualReturn != 0) {
                directional++;
                if (Math.signum(predictedReturn) == Math.signum(actualReturn)) {
                    hits++;
                }
            }
            if (!Double.isNaN(sigma[t])) {
                double half = Z95 * sigma[t] * Math.sqrt(horizon);
                intervals++;
                if (Math.abs(actualReturn - predictedReturn) <= half) {
                    covered++;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no origin to evaluate in [" + from + ", " + to + ")");
        }
        double mae = absolute / count;
        double naiveMae = naiveAbsolute / count;
        Double pValue = directional == 0 ? null : directionalPValue(hits, directional);
        return new Metrics(
                count,
                mae,
                Math.sqrt(squared / count),
                100.0 * percentage / count,
                naiveMae,
                naiveMae == 0 ? null : mae / naiveMae,
                directional == 0 ? null : directional,
                directional == 0 ? null : (double) hits / directional,
                pValue,
                intervals == 0 ? null : (double) covered / intervals);
    }

    /**
     * The one-sided binomial p-value of {@code hits} right calls of direction out of {@code calls}: the chance of at
     * least this many by coin flips (p = 0.5). Also used by the scorecards of scored predictions.
     */
    public static double directionalPValue(long hits, long calls) {
        if (calls <= 0 || hits < 0 || hits > calls) {
            throw new IllegalArgumentException("need 0 <= hits <= calls, calls > 0");
        }
        return hits == 0
                ? 1.0
                : 1.0
                        - new BinomialDistribution(null, Math.toIntExact(calls), 0.5)
                                .cumulativeProbability((int) hits - 1);
    }

    /** The natural logarithms of the closes. */
    public static double[] logs(double[] closes) {
        double[] logs = new double[closes.length];
        for (int i = 0; i < closes.length; i++) {
            logs[i] = Math.log(closes[i]);
        }
        return logs;
    }
}
