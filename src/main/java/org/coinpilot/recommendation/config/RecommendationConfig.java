package org.coinpilot.recommendation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;

/** {@code coinpilot.recommendation.*} (docs/recommendations.md). */
@ConfigMapping(prefix = "coinpilot.recommendation")
public interface RecommendationConfig {

    /** How long a recommendation stays pending before the expiry job expires it (an entry: at most its signal's). */
    @WithDefault("PT24H")
    Duration expiry();

    /** Horizon of the outcome when the signal gives none (and of every non-entry recommendation). */
    @WithDefault("PT24H")
    Duration horizon();

    /** Largest risk of one position (distance from the latest price to its stop × quantity), in % of the book. */
    @WithDefault("2")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100")
    BigDecimal riskLimitPercent();

    /** Percentage points a position's weight may drift from its allocation target before a rebalance. */
    @WithDefault("5")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100")
    BigDecimal rebalanceTolerancePercent();

    /** An entry whose signal has at least this risk-reward ratio is HIGH priority (else MEDIUM). */
    @WithDefault("2")
    BigDecimal highRiskReward();

    /** Position sizing of entry recommendations. */
    Sizing sizing();

    /** The outcome job. */
    Outcome outcome();

    interface Sizing {

        /** Capital sized against when the user's book has no complete, positive value at the latest prices. */
        @WithDefault("10000")
        @DecimalMin(value = "0", inclusive = false)
        BigDecimal capitalUsd();

        /** Share of the capital risked on one entry, in %. */
        @WithDefault("1")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        BigDecimal riskPercent();
    }

    interface Outcome {

        /** Candle timeframe the outcome is read from (a code such as 1h). */
        @WithDefault("1h")
        String timeframe();

        /** Time after the end of the horizon left for its last candles to be stored before the outcome is computed. */
        @WithDefault("PT2H")
        Duration grace();

        /** Recommendations evaluated per run at most (the oldest horizons first; the next run goes on). */
        @WithDefault("500")
        @Min(1)
        @Max(10000)
        int batchSize();
    }
}
