package org.coinpilot.indicators.domain;

import java.util.List;
import java.util.Random;

/** Seeded random candles for property tests. */
final class TestSeries {

    /** One key per kind plus a few unusual parameters. */
    static final List<String> KEYS = List.of(
            "sma_20",
            "sma_2",
            "ema_20",
            "ema_2",
            "rsi_14",
            "rsi_2",
            "macd_12_26_9",
            "macd_2_3_1",
            "bb_20_2",
            "bb_5_0.5",
            "atr_14",
            "atr_1",
            "stoch_14_3",
            "stoch_1_1",
            "obv",
            "vwap",
            "vwap_20",
            "vwap_1",
            "avwap_20240101",
            "adx_14",
            "adx_2",
            "cci_20",
            "cci_2",
            "willr_14",
            "willr_2",
            "roc_10",
            "roc_1",
            "mfi_14",
            "mfi_2",
            "stochrsi_14_14_3",
            "stochrsi_2_1_1");

    private TestSeries() {}

    /**
     * A geometric random walk with occasional zero-volume bars, H = L bars and unchanged closes, prices rounded to
     * 4 decimals.
     */
    static Candles randomWalk(long seed, int n) {
        Random rnd = new Random(seed);
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double prev = 50 + rnd.nextDouble() * 100;
        for (int i = 0; i < n; i++) {
            double open = round(prev * (1 + 0.002 * rnd.nextGaussian()));
            double close = rnd.nextInt(20) == 0 ? open : round(open * Math.exp(0.02 * rnd.nextGaussian()));
            double high = round(Math.max(open, close) * (1 + Math.abs(0.01 * rnd.nextGaussian())));
            double low = round(Math.min(open, close) * (1 - Math.abs(0.01 * rnd.nextGaussian())));
            if (rnd.nextInt(25) == 0) {
                open = close;
                high = close;
                low = close;
            }
            o[i] = open;
            h[i] = Math.max(high, Math.max(open, close));
            l[i] = Math.min(low, Math.min(open, close));
            c[i] = close;
            v[i] = rnd.nextInt(15) == 0 ? 0 : Math.round(1000 * Math.exp(0.6 * rnd.nextGaussian()) * 1000) / 1000.0;
            prev = close;
        }
        return new Candles(o, h, l, c, v).withTimes(hourly(n), 3600);
    }

    /** Open times of {@code n} hourly candles from 2024-01-01T00:00:00Z (epoch seconds). */
    static long[] hourly(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = START + 3600L * i;
        }
        return t;
    }

    /** 2024-01-01T00:00:00Z. */
    static final long START = 1_704_067_200L;

    static Candles constant(int n, double price, double volume) {
        double[] p = new double[n];
        double[] v = new double[n];
        java.util.Arrays.fill(p, price);
        java.util.Arrays.fill(v, volume);
        return new Candles(p.clone(), p.clone(), p.clone(), p.clone(), v).withTimes(hourly(n), 3600);
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
