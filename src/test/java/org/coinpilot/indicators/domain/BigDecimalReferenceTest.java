package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The double engine against a plain, straightforward BigDecimal (DECIMAL128) implementation of the INDICATORS.md
 * definitions: no running sums, windows recomputed from scratch, two-pass population variance.
 */
class BigDecimalReferenceTest {

    static final MathContext MC = MathContext.DECIMAL128;
    static final double TOLERANCE = 1e-9;
    /** Relative to max(|value|, 1): absolute 1e-9 for values below 1 (MACD near its zero crossings). */
    static final double FLOOR = 1.0;

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Test
    void shouldAgreeWithBigDecimalReferenceWhenComputingSmaEmaRsiMacdBbAtr() {
        for (long seed = 1; seed <= 8; seed++) {
            Candles c = TestSeries.randomWalk(seed, 400);
            BigDecimal[] close = big(c.close());
            BigDecimal[] high = big(c.high());
            BigDecimal[] low = big(c.low());
            for (int n : new int[] {2, 14, 20, 50}) {
                check("sma_" + n, c, 0, sma(close, n));
                check("ema_" + n, c, 0, ema(close, n, n - 1, 0));
                check("rsi_" + n, c, 0, rsi(close, n));
                check("atr_" + n, c, 0, atr(high, low, close, n));
                check("bb_" + n + "_2", c, 0, bb(close, n, 2, +1));
                check("bb_" + n + "_2", c, 1, sma(close, n));
                check("bb_" + n + "_2", c, 2, bb(close, n, 2, -1));
            }
            for (int[] p : new int[][] {{12, 26, 9}, {5, 13, 4}, {2, 3, 1}}) {
                BigDecimal[][] m = macd(close, p[0], p[1], p[2]);
                String key = "macd_" + p[0] + "_" + p[1] + "_" + p[2];
                check(key, c, 0, m[0]);
                check(key, c, 1, m[1]);
                check(key, c, 2, m[2]);
            }
        }
    }

    /**
     * Bollinger with tiny windows: TA-Lib's running Σx²/n - mean² form (kept for bit-exactness with TA-Lib) carries
     * an absolute variance noise of about ε·x², i.e. a σ noise of about sqrt(ε)·x when the true σ is near zero. For
     * n = 2 with two nearly equal closes this reaches ~1.2e-9 of the price; the bound for bb_2 is therefore 1e-8.
     */
    static final double BB2_TOLERANCE = 1e-8;

    static final java.util.Map<String, Double> MAX = new java.util.TreeMap<>();

    @org.junit.jupiter.api.AfterAll
    static void printMaxErrors() {
        MAX.forEach((k, v) -> System.out.printf("bigdecimal max rel error %-22s %.3e%n", k, v));
    }

    static void check(String key, Candles c, int output, BigDecimal[] expected) {
        double tolerance = key.startsWith("bb_2_") ? BB2_TOLERANCE : TOLERANCE;
        double[] actual = IndicatorSpec.parse(key).compute(c).outputs()[output];
        for (int i = 0; i < actual.length; i++) {
            if (expected[i] == null) {
                assertThat(actual[i]).as("%s bar %d", key, i).isNaN();
            } else {
                double e = expected[i].doubleValue();
                double err = Tolerance.relError(actual[i], e, FLOOR);
                MAX.merge(key + "." + output, err, Math::max);
                assertThat(err)
                        .as("%s output %d bar %d: %s vs reference %s", key, output, i, actual[i], expected[i])
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }

    static BigDecimal[] big(double[] a) {
        BigDecimal[] b = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = new BigDecimal(Double.toString(a[i]));
        }
        return b;
    }

    static BigDecimal mean(BigDecimal[] x, int from, int toInclusive) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = from; i <= toInclusive; i++) {
            s = s.add(x[i], MC);
        }
        return s.divide(BigDecimal.valueOf(toInclusive - from + 1), MC);
    }

    static BigDecimal[] sma(BigDecimal[] x, int n) {
        BigDecimal[] out = new BigDecimal[x.length];
        for (int i = n - 1; i < x.length; i++) {
            out[i] = mean(x, i - n + 1, i);
        }
        return out;
    }

    /** EMA of x[from..], seeded at bar {@code seedBar} with the mean of its last n values. */
    static BigDecimal[] ema(BigDecimal[] x, int n, int seedBar, int from) {
        BigDecimal[] out = new BigDecimal[x.length];
        if (seedBar >= x.length) {
            return out;
        }
        BigDecimal k = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(n + 1), MC);
        BigDecimal e = mean(x, seedBar - n + 1, seedBar);
        out[seedBar] = e;
        for (int i = seedBar + 1; i < x.length; i++) {
            e = e.add(k.multiply(x[i].subtract(e, MC), MC), MC);
            out[i] = e;
        }
        return out;
    }

    static BigDecimal[] rsi(BigDecimal[] x, int n) {
        BigDecimal[] out = new BigDecimal[x.length];
        if (x.length <= n) {
            return out;
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal g = BigDecimal.ZERO;
        BigDecimal l = BigDecimal.ZERO;
        for (int i = 1; i <= n; i++) {
            BigDecimal d = x[i].subtract(x[i - 1]);
            if (d.signum() > 0) {
                g = g.add(d);
            } else {
                l = l.subtract(d);
            }
        }
        g = g.divide(bn, MC);
        l = l.divide(bn, MC);
        out[n] = rsiValue(g, l);
        for (int i = n + 1; i < x.length; i++) {
            BigDecimal d = x[i].subtract(x[i - 1]);
            BigDecimal up = d.signum() > 0 ? d : BigDecimal.ZERO;
            BigDecimal down = d.signum() < 0 ? d.negate() : BigDecimal.ZERO;
            g = g.multiply(BigDecimal.valueOf(n - 1)).add(up).divide(bn, MC);
            l = l.multiply(BigDecimal.valueOf(n - 1)).add(down).divide(bn, MC);
            out[i] = rsiValue(g, l);
        }
        return out;
    }

    static BigDecimal rsiValue(BigDecimal g, BigDecimal l) {
        if (l.signum() == 0) {
            return g.signum() == 0 ? BigDecimal.ZERO : HUNDRED;
        }
        BigDecimal rs = g.divide(l, MC);
        return HUNDRED.subtract(HUNDRED.divide(BigDecimal.ONE.add(rs), MC), MC);
    }

    static BigDecimal[] atr(BigDecimal[] h, BigDecimal[] l, BigDecimal[] c, int n) {
        BigDecimal[] out = new BigDecimal[c.length];
        if (c.length <= n) {
            return out;
        }
        BigDecimal[] tr = new BigDecimal[c.length];
        for (int i = 1; i < c.length; i++) {
            tr[i] = h[i].subtract(l[i])
                    .max(h[i].subtract(c[i - 1]).abs())
                    .max(l[i].subtract(c[i - 1]).abs());
        }
        BigDecimal a = mean(tr, 1, n);
        out[n] = a;
        for (int i = n + 1; i < c.length; i++) {
            a = a.multiply(BigDecimal.valueOf(n - 1)).add(tr[i]).divide(BigDecimal.valueOf(n), MC);
            out[i] = a;
        }
        return out;
    }

    static BigDecimal[] bb(BigDecimal[] x, int n, int k, int sign) {
        BigDecimal[] out = new BigDecimal[x.length];
        for (int i = n - 1; i < x.length; i++) {
            BigDecimal m = mean(x, i - n + 1, i);
            BigDecimal var = BigDecimal.ZERO;
            for (int j = i - n + 1; j <= i; j++) {
                BigDecimal d = x[j].subtract(m, MC);
                var = var.add(d.multiply(d, MC), MC);
            }
            var = var.divide(BigDecimal.valueOf(n), MC);
            BigDecimal sd = var.sqrt(MC);
            out[i] = m.add(sd.multiply(BigDecimal.valueOf((long) k * sign)), MC);
        }
        return out;
    }

    static BigDecimal[][] macd(BigDecimal[] x, int fast, int slow, int signal) {
        int len = x.length;
        BigDecimal[] slowE = ema(x, slow, slow - 1, 0);
        BigDecimal[] fastE = ema(x, fast, slow - 1, 0); // seeded at bar slow-1 with the mean of close[slow-fast..]
        BigDecimal[] line = new BigDecimal[len];
        for (int i = slow - 1; i < len; i++) {
            line[i] = fastE[i].subtract(slowE[i], MC);
        }
        int first = slow + signal - 2;
        BigDecimal[] sig = ema(line, signal, first, slow - 1);
        BigDecimal[][] out = new BigDecimal[3][len];
        for (int i = first; i < len; i++) {
            out[0][i] = line[i];
            out[1][i] = sig[i];
            out[2][i] = line[i].subtract(sig[i], MC);
        }
        return out;
    }
}
