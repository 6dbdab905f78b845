package org.coinpilot.prediction.domain.forecast;

import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Ridge regression of the {@code horizon}-candle log return on the last {@code lags} one-candle log returns, refitted
 * at every forecast on the samples of the last {@code window} candles whose outcome was known at that time (a sample
 * at {@code s} needs {@code s + horizon <= t}). The features and the target are centred (the intercept is the mean
 * target, not penalised); the penalty is {@code lambda} times the mean diagonal of X'X, so it does not depend on the
 * scale of the returns. Solved in closed form, (X'X + penalty I) beta = X'y, by Cholesky (commons-math3).
 */
public final class RidgeForecaster implements Forecaster {

    private final int lags;
    private final double lambda;
    private final int window;

    public RidgeForecaster(int lags, double lambda, int window) {
        if (lags < 1 || lambda < 0 || window < lags + 10) {
            throw new IllegalArgumentException("lags >= 1, lambda >= 0, window >= lags + 10");
        }
        this.lags = lags;
        this.lambda = lambda;
        this.window = window;
    }

    @Override
    public String method() {
        return "ridge";
    }

    @Override
    public Map<String, Object> configuration() {
        return Map.of("method", method(), "lags", lags, "lambda", lambda, "window", window);
    }

    @Override
    public int warmUp(int horizon) {
        return lags + horizon + 10;
    }

    @Override
    public double logReturn(double[] logCloses, int t, int horizon) {
        int last = t - horizon; // the newest sample whose target is known at t
        int first = Math.max(lags, t - window);
        int n = last - first + 1;
        if (n < lags + 2) {
            return 0.0; // too few samples: no opinion (the naive forecast)
        }
        double[][] x = new double[n][lags];
        double[] y = new double[n];
        double[] meanX = new double[lags];
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            int s = first + i;
            for (int j = 0; j < lags; j++) {
                x[i][j] = logCloses[s - j] - logCloses[s - j - 1];
                meanX[j] += x[i][j];
            }
            y[i] = logCloses[s + horizon] - logCloses[s];
            meanY += y[i];
        }
        meanY /= n;
        for (int j = 0; j < lags; j++) {
            meanX[j] /= n;
        }
        double[][] xtx = new double[lags][lags];
        double[] xty = new double[lags];
        for (int i = 0; i < n; i++) {
            double yc = y[i] - meanY;
            for (int j = 0; j < lags; j++) {
                double xj = x[i][j] - meanX[j];
                xty[j] += xj * yc;
                for (int k = 0; k <= j; k++) {
                    xtx[j][k] += xj * (x[i][k] - meanX[k]);
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < lags; j++) {
            for (int k = 0; k < j; k++) {
                xtx[k][j] = xtx[j][k];
            }
            trace += xtx[j][j];
        }
        double penalty = lambda * trace / lags + 1e-12;
        for (int j = 0; j < lags; j++) {
            xtx[j][j] += penalty;
        }
        RealVector beta;
        try {
            RealMatrix a = new Array2DRowRealMatrix(xtx, false);
            beta = new CholeskyDecomposition(a).getSolver().solve(new ArrayRealVector(xty, false));
        } catch (NonPositiveDefiniteMatrixException e) {
            return meanY; // a constant series: only the mean is known
        }
        double forecast = meanY;
        for (int j = 0; j < lags; j++) {
            double feature = logCloses[t - j] - logCloses[t - j - 1];
            forecast += beta.getEntry(j) * (feature - meanX[j]);
        }
        return forecast;
    }
}
