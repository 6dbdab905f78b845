package org.coinpilot.bench;

import java.util.Random;
import org.coinpilot.indicators.domain.Candles;

/** Deterministic synthetic candles: a geometric random walk around 30 000 with log-normal volumes. */
final class SyntheticCandles {

    private SyntheticCandles() {}

    static Candles generate(int n, long seed) {
        Random rnd = new Random(seed);
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double prev = 30_000;
        for (int i = 0; i < n; i++) {
            double open = prev * (1 + 0.001 * rnd.nextGaussian());
            double close = open * Math.exp(0.01 * rnd.nextGaussian());
            // mean-revert gently so that a million bars stay in a sane range
            close += (30_000 - close) * 0.001;
            o[i] = open;
            h[i] = Math.max(open, close) * (1 + Math.abs(0.005 * rnd.nextGaussian()));
            l[i] = Math.min(open, close) * (1 - Math.abs(0.005 * rnd.nextGaussian()));
            c[i] = close;
            v[i] = 10 * Math.exp(0.5 * rnd.nextGaussian());
            prev = close;
        }
        return new Candles(o, h, l, c, v);
    }
}
