package org.coinpilot.signal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code coinpilot.signals.*} (docs/signals.md "Rules" and "Configuration"). */
@ConfigMapping(prefix = "coinpilot.signals")
public interface SignalsConfig {

    /** The generation rules ({@code signal.signals.generate}). */
    Generation generation();

    /** The scoring job ({@code signal.signals.score}). */
    Scoring scoring();

    interface Generation {

        /** Smallest |predicted − input| / input, in percent, that makes a signal. */
        @WithDefault("1.0")
        @DecimalMin("0")
        double minMovePercent();

        /** Smallest confidence score (0–1) of the prediction. */
        @WithDefault("0.3")
        @DecimalMin("0")
        @DecimalMax("1")
        double minConfidence();

        /** The model version's held-out MASE must be below this (1: it beats the naive forecast). */
        @WithDefault("1.0")
        @DecimalMin("0")
        double maxMase();

        /** Stop distance = this × ATR. */
        @WithDefault("1.5")
        @DecimalMin("0.1")
        double stopAtrMultiple();

        /** Smallest reward / risk (|target − entry| / |entry − stop|). */
        @WithDefault("1.0")
        @DecimalMin("0")
        double minRiskReward();

        /** A long is not made at or above this RSI (overbought). */
        @WithDefault("70")
        @Min(50)
        @Max(100)
        double rsiOverbought();

        /** A short is not made at or below this RSI (oversold). */
        @WithDefault("30")
        @Min(0)
        @Max(50)
        double rsiOversold();

        /** The stored value the trend is read from (path with dots in the stored indicators). */
        @WithDefault("SMA.50")
        String trendIndicator();

        /** The stored ATR the stop is sized from. */
        @WithDefault("ATR.14")
        String atrIndicator();

        /** The stored RSI. */
        @WithDefault("RSI")
        String rsiIndicator();

        /** Stop distance in % of entry below which the risk is LOW. */
        @WithDefault("2")
        double lowRiskBelowPercent();

        /** … MEDIUM below this. */
        @WithDefault("5")
        double mediumRiskBelowPercent();

        /** … HIGH below this, EXTREME from it. */
        @WithDefault("10")
        double highRiskBelowPercent();
    }

    interface Scoring {

        /** Signals scored per statement (the job repeats until none is left). */
        @WithDefault("1000")
        @Min(1)
        @Max(100000)
        int batchSize();
    }
}
