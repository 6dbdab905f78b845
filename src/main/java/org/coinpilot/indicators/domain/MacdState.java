package org.coinpilot.indicators.domain;

/**
 * MACD(fast, slow, signal), TA-Lib seeding. Scalars: fastAcc, slowAcc, signalAcc (running sums during their seeds,
 * then the EMAs). O(1).
 */
final class MacdState extends IndicatorState {

    final int fast;
    final int slow;
    final int signal;
    final double kFast;
    final double kSlow;
    final double kSignal;
    double fastAcc;
    double slowAcc;
    double signalAcc;

    MacdState(IndicatorSpec spec) {
        super(spec);
        this.fast = spec.period();
        this.slow = spec.period2();
        this.signal = spec.period3();
        this.kFast = TaLib.perToK(fast);
        this.kSlow = TaLib.perToK(slow);
        this.kSignal = TaLib.perToK(signal);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        long i = count++;
        if (i < slow - 1) {
            slowAcc += close;
            if (i >= slow - fast) {
                fastAcc += close;
            }
            return;
        }
        if (i == slow - 1) {
            slowAcc += close;
            fastAcc += close;
            slowAcc = slowAcc / slow;
            fastAcc = fastAcc / fast;
        } else {
            slowAcc = ((close - slowAcc) * kSlow) + slowAcc;
            fastAcc = ((close - fastAcc) * kFast) + fastAcc;
        }
        double line = fastAcc - slowAcc;
        long j = i - (slow - 1);
        if (j < signal - 1) {
            signalAcc += line;
            return;
        }
        if (j == signal - 1) {
            signalAcc += line;
            signalAcc = signalAcc / signal;
        } else {
            signalAcc = ((line - signalAcc) * kSignal) + signalAcc;
        }
        out[0] = line;
        out[1] = signalAcc;
        out[2] = line - signalAcc;
    }

    @Override
    double[] scalars() {
        return new double[] {fastAcc, slowAcc, signalAcc};
    }

    @Override
    double[] window() {
        return new double[0];
    }

    @Override
    void load(double[] scalars, double[] window) {
        checkLength(spec, "scalars", scalars, 3);
        checkLength(spec, "window", window, 0);
        fastAcc = scalars[0];
        slowAcc = scalars[1];
        signalAcc = scalars[2];
    }
}
