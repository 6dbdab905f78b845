package org.coinpilot.indicators.domain;

import java.util.List;

/**
 * The core set, SMA20, EMA20, RSI14, MACD 12/26/9, Bollinger 20/2 and ATR14, computed in one fused pass over the
 * candles. Every value is bit-for-bit the one of the per-indicator batch form (same operations in the same order;
 * SMA20 and the Bollinger middle band share one running sum, which is the same sum both compute).
 */
public final class CoreSet {

    public static final IndicatorSpec SMA20 = IndicatorSpec.sma(20);
    public static final IndicatorSpec EMA20 = IndicatorSpec.ema(20);
    public static final IndicatorSpec RSI14 = IndicatorSpec.rsi(14);
    public static final IndicatorSpec MACD = IndicatorSpec.macd(12, 26, 9);
    public static final IndicatorSpec BB20 = IndicatorSpec.bollinger(20, 2);
    public static final IndicatorSpec ATR14 = IndicatorSpec.atr(14);

    /** The six specs, in the order of {@link Result#toResults()}. */
    public static final List<IndicatorSpec> SPECS = List.of(SMA20, EMA20, RSI14, MACD, BB20, ATR14);

    private CoreSet() {}

    /** Arrays of the input length, NaN before each indicator's first value. */
    public record Result(
            double[] sma20,
            double[] ema20,
            double[] rsi14,
            double[] macd,
            double[] macdSignal,
            double[] macdHistogram,
            double[] bbUpper,
            double[] bbMiddle,
            double[] bbLower,
            double[] atr14) {

        /** The same values as {@link IndicatorResult}s (without states), in {@link #SPECS} order. */
        public List<IndicatorResult> toResults() {
            return List.of(
                    new IndicatorResult(SMA20, new double[][] {sma20}, null),
                    new IndicatorResult(EMA20, new double[][] {ema20}, null),
                    new IndicatorResult(RSI14, new double[][] {rsi14}, null),
                    new IndicatorResult(MACD, new double[][] {macd, macdSignal, macdHistogram}, null),
                    new IndicatorResult(BB20, new double[][] {bbUpper, bbMiddle, bbLower}, null),
                    new IndicatorResult(ATR14, new double[][] {atr14}, null));
        }
    }

    /** One pass over {@code candles}. */
    public static Result compute(Candles candles) {
        int len = candles.size();
        Result r = new Result(
                new double[len],
                new double[len],
                new double[len],
                new double[len],
                new double[len],
                new double[len],
                new double[len],
                new double[len],
                new double[len],
                new double[len]);
        computeInto(candles.high(), candles.low(), candles.close(), r);
        return r;
    }

    /** One pass writing into {@code r}'s arrays (each at least as long as {@code close}). */
    public static void computeInto(double[] high, double[] low, double[] close, Result r) {
        final int len = close.length;
        final double[] sma = r.sma20;
        final double[] ema = r.ema20;
        final double[] rsi = r.rsi14;
        final double[] line = r.macd;
        final double[] sig = r.macdSignal;
        final double[] hist = r.macdHistogram;
        final double[] up = r.bbUpper;
        final double[] lo = r.bbLower;
        final double[] mid = r.bbMiddle;
        final double[] atr = r.atr14;

        final double kEma = TaLib.perToK(20);
        final double kFast = TaLib.perToK(12);
        final double kSlow = TaLib.perToK(26);
        final double kSig = TaLib.perToK(9);
        final double bbK = 2.0;

        double sum = 0; // SMA20 / BB20 running sum
        double sumSq = 0;
        double emaAcc = 0;
        double gain = 0;
        double loss = 0;
        double atrAcc = 0;
        double fastAcc = 0;
        double slowAcc = 0;
        double sigAcc = 0;
        final double nan = Double.NaN;

        for (int i = 0; i < len; i++) {
            final double x = close[i];

            // SMA20 + BB20
            sum += x;
            sumSq += x * x;
            if (i >= 19) {
                double oldest = close[i - 19];
                double m = sum / 20;
                sum -= oldest;
                double meanSq = sumSq / 20;
                sumSq -= oldest * oldest;
                meanSq -= m * m;
                double sd = TaLib.isZeroOrNeg(meanSq) ? 0.0 : Math.sqrt(meanSq);
                double dev = sd * bbK;
                sma[i] = m;
                mid[i] = m;
                up[i] = m + dev;
                lo[i] = m - dev;
            } else {
                sma[i] = nan;
                mid[i] = nan;
                up[i] = nan;
                lo[i] = nan;
            }

            // EMA20
            if (i > 19) {
                emaAcc = ((x - emaAcc) * kEma) + emaAcc;
                ema[i] = emaAcc;
            } else if (i == 19) {
                emaAcc += x;
                emaAcc = emaAcc / 20;
                ema[i] = emaAcc;
            } else {
                emaAcc += x;
                ema[i] = nan;
            }

            // RSI14 and ATR14
            if (i > 0) {
                double d = x - close[i - 1];
                double tr = TaLib.trueRange(high[i], low[i], close[i - 1]);
                if (i > 14) {
                    loss *= 13;
                    gain *= 13;
                    gain += TaLib.up(d);
                    loss += TaLib.down(d);
                    loss /= 14;
                    gain /= 14;
                    rsi[i] = TaLib.rsi(gain, loss);
                    atrAcc *= 13;
                    atrAcc += tr;
                    atrAcc /= 14;
                    atr[i] = atrAcc;
                } else {
                    gain += TaLib.up(d);
                    loss += TaLib.down(d);
                    atrAcc += tr;
                    if (i == 14) {
                        loss /= 14;
                        gain /= 14;
                        rsi[i] = TaLib.rsi(gain, loss);
                        atrAcc = atrAcc / 14;
                        atr[i] = atrAcc;
                    } else {
                        rsi[i] = nan;
                        atr[i] = nan;
                    }
                }
            } else {
                rsi[i] = nan;
                atr[i] = nan;
            }

            // MACD 12/26/9: EMAs start at bar 25, signal seeded over bars 25..33
            if (i > 25) {
                slowAcc = ((x - slowAcc) * kSlow) + slowAcc;
                fastAcc = ((x - fastAcc) * kFast) + fastAcc;
                double ln = fastAcc - slowAcc;
                if (i > 33) {
                    sigAcc = ((ln - sigAcc) * kSig) + sigAcc;
                    line[i] = ln;
                    sig[i] = sigAcc;
                    hist[i] = ln - sigAcc;
                } else {
                    sigAcc += ln;
                    if (i == 33) {
                        sigAcc = sigAcc / 9;
                        line[i] = ln;
                        sig[i] = sigAcc;
                        hist[i] = ln - sigAcc;
                    } else {
                        line[i] = nan;
                        sig[i] = nan;
                        hist[i] = nan;
                    }
                }
            } else {
                slowAcc += x;
                if (i >= 14) {
                    fastAcc += x;
                }
                if (i == 25) {
                    slowAcc = slowAcc / 26;
                    fastAcc = fastAcc / 12;
                    sigAcc += fastAcc - slowAcc;
                }
                line[i] = nan;
                sig[i] = nan;
                hist[i] = nan;
            }
        }
    }
}
