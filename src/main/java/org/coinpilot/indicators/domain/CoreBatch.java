package org.coinpilot.indicators.domain;

import java.util.Arrays;

/**
 * Batch loops. The core indicators (SMA, EMA, RSI, MACD, Bollinger, ATR) have dedicated loops over local variables;
 * they perform the same floating-point operations in the same order as their {@link IndicatorState} (so both give
 * identical doubles) and hand their final locals to that state. The other indicators run their state over the
 * candles. Either way: one pass, no allocation per candle.
 */
final class CoreBatch {

    private CoreBatch() {}

    static IndicatorResult byState(IndicatorSpec spec, Candles c) {
        IndicatorState s = spec.newState(c.interval());
        if (c.time() != null && spec.kind().usesTime()) {
            return byStateWithTimes(spec, c, s);
        }
        int len = c.size();
        int m = spec.outputs().size();
        double[][] out = new double[m][len];
        double[] o = c.open();
        double[] h = c.high();
        double[] l = c.low();
        double[] cl = c.close();
        double[] v = c.volume();
        double[] so = s.out;
        if (m == 1) {
            double[] out0 = out[0];
            for (int i = 0; i < len; i++) {
                s.update(o[i], h[i], l[i], cl[i], v[i]);
                out0[i] = so[0];
            }
        } else {
            for (int i = 0; i < len; i++) {
                s.update(o[i], h[i], l[i], cl[i], v[i]);
                for (int j = 0; j < m; j++) {
                    out[j][i] = so[j];
                }
            }
        }
        return new IndicatorResult(spec, out, s);
    }

    /** Single-output indicators that place anchors in time (the VWAP family). */
    private static IndicatorResult byStateWithTimes(IndicatorSpec spec, Candles c, IndicatorState s) {
        int len = c.size();
        double[] out0 = new double[len];
        double[] o = c.open();
        double[] h = c.high();
        double[] l = c.low();
        double[] cl = c.close();
        double[] v = c.volume();
        long[] t = c.time();
        double[] so = s.out;
        for (int i = 0; i < len; i++) {
            s.update(t[i], o[i], h[i], l[i], cl[i], v[i]);
            out0[i] = so[0];
        }
        return new IndicatorResult(spec, new double[][] {out0}, s);
    }

    static IndicatorResult sma(IndicatorSpec spec, double[] x) {
        int n = spec.period();
        int len = x.length;
        double[] out = new double[len];
        double sum = smaInto(x, n, out);
        SmaState s = new SmaState(spec);
        s.w.sum = sum;
        s.w.seen = len;
        s.w.pos = len % n;
        for (int j = Math.max(0, len - n); j < len; j++) {
            s.w.ring[j % n] = x[j];
        }
        return finish(spec, s, len, out);
    }

    /** TA_INT_SMA loop; returns the running sum after the last bar (oldest value already removed). */
    static double smaInto(double[] x, int n, double[] out) {
        int len = x.length;
        double sum = 0;
        int head = Math.min(n - 1, len);
        for (int i = 0; i < head; i++) {
            sum += x[i];
            out[i] = Double.NaN;
        }
        for (int i = n - 1, t = 0; i < len; i++, t++) {
            sum += x[i];
            out[i] = sum / n;
            sum -= x[t];
        }
        return sum;
    }

    static IndicatorResult ema(IndicatorSpec spec, double[] x) {
        int n = spec.period();
        int len = x.length;
        double[] out = new double[len];
        EmaState s = new EmaState(spec);
        s.acc = emaInto(x, n, s.k, out);
        return finish(spec, s, len, out);
    }

    static double emaInto(double[] x, int n, double k, double[] out) {
        int len = x.length;
        double acc = 0;
        int head = Math.min(n - 1, len);
        for (int i = 0; i < head; i++) {
            acc += x[i];
            out[i] = Double.NaN;
        }
        if (len < n) {
            return acc;
        }
        acc += x[n - 1];
        acc = acc / n;
        out[n - 1] = acc;
        for (int i = n; i < len; i++) {
            acc = ((x[i] - acc) * k) + acc;
            out[i] = acc;
        }
        return acc;
    }

    static IndicatorResult rsi(IndicatorSpec spec, double[] x) {
        int n = spec.period();
        int len = x.length;
        double[] out = new double[len];
        Arrays.fill(out, 0, Math.min(n, len), Double.NaN);
        RsiState s = new RsiState(spec);
        if (len > 0) {
            double prev = x[0];
            double gain = 0;
            double loss = 0;
            int seedEnd = Math.min(n, len - 1);
            for (int i = 1; i <= seedEnd; i++) {
                double d = x[i] - prev;
                prev = x[i];
                gain += TaLib.up(d);
                loss += TaLib.down(d);
            }
            if (len > n) {
                loss /= n;
                gain /= n;
                out[n] = TaLib.rsi(gain, loss);
                double m = n - 1;
                for (int i = n + 1; i < len; i++) {
                    double d = x[i] - prev;
                    prev = x[i];
                    loss *= m;
                    gain *= m;
                    gain += TaLib.up(d);
                    loss += TaLib.down(d);
                    loss /= n;
                    gain /= n;
                    out[i] = TaLib.rsi(gain, loss);
                }
            }
            s.prev = prev;
            s.gain = gain;
            s.loss = loss;
        }
        return finish(spec, s, len, out);
    }

    static IndicatorResult atr(IndicatorSpec spec, double[] h, double[] l, double[] c) {
        int n = spec.period();
        int len = c.length;
        double[] out = new double[len];
        Arrays.fill(out, 0, Math.min(n, len), Double.NaN);
        AtrState s = new AtrState(spec);
        if (len > 0) {
            double acc = 0;
            int seedEnd = Math.min(n, len - 1);
            for (int i = 1; i <= seedEnd; i++) {
                acc += TaLib.trueRange(h[i], l[i], c[i - 1]);
            }
            if (len > n) {
                acc = acc / n;
                out[n] = acc;
                double m = n - 1;
                for (int i = n + 1; i < len; i++) {
                    acc *= m;
                    acc += TaLib.trueRange(h[i], l[i], c[i - 1]);
                    acc /= n;
                    out[i] = acc;
                }
            }
            s.acc = acc;
            s.prevClose = c[len - 1];
        }
        return finish(spec, s, len, out);
    }

    static IndicatorResult macd(IndicatorSpec spec, double[] x) {
        int fast = spec.period();
        int slow = spec.period2();
        int signal = spec.period3();
        int len = x.length;
        double[] line = new double[len];
        double[] sig = new double[len];
        double[] hist = new double[len];
        int first = slow + signal - 2;
        int nanEnd = Math.min(first, len);
        Arrays.fill(line, 0, nanEnd, Double.NaN);
        Arrays.fill(sig, 0, nanEnd, Double.NaN);
        Arrays.fill(hist, 0, nanEnd, Double.NaN);
        MacdState s = new MacdState(spec);
        double kFast = s.kFast;
        double kSlow = s.kSlow;
        double kSig = s.kSignal;
        double slowAcc = 0;
        double fastAcc = 0;
        double sigAcc = 0;
        int head = Math.min(slow - 1, len);
        for (int i = 0; i < head; i++) {
            slowAcc += x[i];
            if (i >= slow - fast) {
                fastAcc += x[i];
            }
        }
        if (len >= slow) {
            slowAcc += x[slow - 1];
            fastAcc += x[slow - 1];
            slowAcc = slowAcc / slow;
            fastAcc = fastAcc / fast;
            int i = slow - 1;
            int sigSeedEnd = Math.min(first, len - 1);
            // signal seed: line values at bars slow-1 .. first
            sigAcc += fastAcc - slowAcc;
            for (i = slow; i <= sigSeedEnd; i++) {
                slowAcc = ((x[i] - slowAcc) * kSlow) + slowAcc;
                fastAcc = ((x[i] - fastAcc) * kFast) + fastAcc;
                sigAcc += fastAcc - slowAcc;
            }
            if (len > first) {
                double ln = fastAcc - slowAcc;
                sigAcc = sigAcc / signal;
                line[first] = ln;
                sig[first] = sigAcc;
                hist[first] = ln - sigAcc;
                for (i = first + 1; i < len; i++) {
                    slowAcc = ((x[i] - slowAcc) * kSlow) + slowAcc;
                    fastAcc = ((x[i] - fastAcc) * kFast) + fastAcc;
                    ln = fastAcc - slowAcc;
                    sigAcc = ((ln - sigAcc) * kSig) + sigAcc;
                    line[i] = ln;
                    sig[i] = sigAcc;
                    hist[i] = ln - sigAcc;
                }
            }
        }
        s.fastAcc = fastAcc;
        s.slowAcc = slowAcc;
        s.signalAcc = sigAcc;
        return finish(spec, s, len, line, sig, hist);
    }

    static IndicatorResult bollinger(IndicatorSpec spec, double[] x) {
        int n = spec.period();
        double k = spec.multiplier();
        int len = x.length;
        double[] upper = new double[len];
        double[] middle = new double[len];
        double[] lower = new double[len];
        double sum = 0;
        double sumSq = 0;
        int head = Math.min(n - 1, len);
        for (int i = 0; i < head; i++) {
            double v = x[i];
            sum += v;
            sumSq += v * v;
            upper[i] = Double.NaN;
            middle[i] = Double.NaN;
            lower[i] = Double.NaN;
        }
        for (int i = n - 1, t = 0; i < len; i++, t++) {
            double v = x[i];
            sum += v;
            sumSq += v * v;
            double oldest = x[t];
            double mid = sum / n;
            sum -= oldest;
            double meanSq = sumSq / n;
            sumSq -= oldest * oldest;
            meanSq -= mid * mid;
            double sd = TaLib.isZeroOrNeg(meanSq) ? 0.0 : Math.sqrt(meanSq);
            double dev = sd * k;
            upper[i] = mid + dev;
            middle[i] = mid;
            lower[i] = mid - dev;
        }
        BollingerState s = new BollingerState(spec);
        s.sum = sum;
        s.sumSq = sumSq;
        s.pos = len % n;
        for (int j = Math.max(0, len - n); j < len; j++) {
            s.ring[j % n] = x[j];
        }
        return finish(spec, s, len, upper, middle, lower);
    }

    private static IndicatorResult finish(IndicatorSpec spec, IndicatorState s, int len, double[]... outs) {
        s.count = len;
        for (int j = 0; j < outs.length; j++) {
            s.out[j] = len > 0 ? outs[j][len - 1] : Double.NaN;
        }
        return new IndicatorResult(spec, outs, s);
    }
}
