package org.coinpilot.bench;

/**
 * The baseline: plain, single-indicator double[] loops written the obvious way, one pass (or more) per indicator,
 * intermediate arrays where that is the natural way to write it (MACD, ATR). No TA-Lib subtleties beyond the seeding.
 */
final class PlainLoops {

    private PlainLoops() {}

    static double[] sma(double[] x, int n) {
        double[] out = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= n) {
                sum -= x[i - n];
            }
            out[i] = i >= n - 1 ? sum / n : Double.NaN;
        }
        return out;
    }

    static double[] ema(double[] x, int n) {
        double[] out = new double[x.length];
        double k = 2.0 / (n + 1);
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            if (i < n) {
                e += x[i];
                if (i == n - 1) {
                    e /= n;
                    out[i] = e;
                } else {
                    out[i] = Double.NaN;
                }
            } else {
                e += k * (x[i] - e);
                out[i] = e;
            }
        }
        return out;
    }

    static double[] rsi(double[] x, int n) {
        double[] out = new double[x.length];
        double g = 0;
        double l = 0;
        out[0] = Double.NaN;
        for (int i = 1; i < x.length; i++) {
            double d = x[i] - x[i - 1];
            double up = d > 0 ? d : 0;
            double down = d < 0 ? -d : 0;
            if (i <= n) {
                g += up;
                l += down;
                if (i == n) {
                    g /= n;
                    l /= n;
                    out[i] = l == 0 ? 100 : 100 - 100 / (1 + g / l);
                } else {
                    out[i] = Double.NaN;
                }
            } else {
                g = (g * (n - 1) + up) / n;
                l = (l * (n - 1) + down) / n;
                out[i] = l == 0 ? 100 : 100 - 100 / (1 + g / l);
            }
        }
        return out;
    }

    /** MACD as most code writes it: two EMA arrays, a line array, an EMA of the line, a histogram array. */
    static double[][] macd(double[] x, int fast, int slow, int signal) {
        double[] f = ema(x, fast);
        double[] s = ema(x, slow);
        int len = x.length;
        double[] line = new double[len];
        for (int i = 0; i < len; i++) {
            line[i] = f[i] - s[i];
        }
        double[] lineFromSlow = new double[len - (slow - 1)];
        System.arraycopy(line, slow - 1, lineFromSlow, 0, lineFromSlow.length);
        double[] sigShort = ema(lineFromSlow, signal);
        double[] sig = new double[len];
        double[] hist = new double[len];
        for (int i = 0; i < len; i++) {
            sig[i] = i >= slow - 1 ? sigShort[i - (slow - 1)] : Double.NaN;
            hist[i] = line[i] - sig[i];
        }
        return new double[][] {line, sig, hist};
    }

    static double[][] bollinger(double[] x, int n, double k) {
        double[] mid = sma(x, n);
        int len = x.length;
        double[] up = new double[len];
        double[] lo = new double[len];
        double sumSq = 0;
        for (int i = 0; i < len; i++) {
            sumSq += x[i] * x[i];
            if (i >= n) {
                sumSq -= x[i - n] * x[i - n];
            }
            if (i >= n - 1) {
                double var = sumSq / n - mid[i] * mid[i];
                double sd = var > 0 ? Math.sqrt(var) : 0;
                up[i] = mid[i] + k * sd;
                lo[i] = mid[i] - k * sd;
            } else {
                up[i] = Double.NaN;
                lo[i] = Double.NaN;
            }
        }
        return new double[][] {up, mid, lo};
    }

    static double[] atr(double[] h, double[] l, double[] c, int n) {
        int len = c.length;
        double[] tr = new double[len];
        for (int i = 1; i < len; i++) {
            tr[i] = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
        }
        double[] out = new double[len];
        double a = 0;
        out[0] = Double.NaN;
        for (int i = 1; i < len; i++) {
            if (i <= n) {
                a += tr[i];
                if (i == n) {
                    a /= n;
                    out[i] = a;
                } else {
                    out[i] = Double.NaN;
                }
            } else {
                a = (a * (n - 1) + tr[i]) / n;
                out[i] = a;
            }
        }
        return out;
    }
}
