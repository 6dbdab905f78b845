package org.coinpilot.prediction.domain.forecast;

/**
 * The RiskMetrics exponentially weighted volatility of one-candle log returns (J.P. Morgan/Reuters, RiskMetrics
 * Technical Document, 1996: sigma²_t = lambda sigma²_{t-1} + (1 - lambda) r_t², lambda = 0.94), seeded with the mean
 * square of the first {@value #SEED} returns. Prediction intervals for h candles use sigma × sqrt(h).
 */
public final class EwmaVolatility {

    public static final double LAMBDA = 0.94;
    static final int SEED = 20;

    private EwmaVolatility() {}

    /** The one-candle volatility known at each index (NaN before the seed window is full). */
    public static double[] series(double[] logCloses) {
        double[] sigma = new double[logCloses.length];
        java.util.Arrays.fill(sigma, Double.NaN);
        if (logCloses.length <= SEED) {
            return sigma;
        }
        double variance = 0;
        for (int i = 1; i <= SEED; i++) {
            double r = logCloses[i] - logCloses[i - 1];
            variance += r * r;
        }
        variance /= SEED;
        sigma[SEED] = Math.sqrt(variance);
        for (int i = SEED + 1; i < logCloses.length; i++) {
            double r = logCloses[i] - logCloses[i - 1];
            variance = LAMBDA * variance + (1 - LAMBDA) * r * r;
            sigma[i] = Math.sqrt(variance);
        }
        return sigma;
    }
}
