package org.coinpilot.prediction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;

/** {@code coinpilot.prediction.*} (docs/predictions.md). */
@ConfigMapping(prefix = "coinpilot.prediction")
public interface PredictionConfig {

    /** The baseline models' training ({@code prediction.models.train}). */
    Training training();

    /** The predictions of the active versions ({@code prediction.predictions.generate}). */
    Predictions predictions();

    interface Predictions {

        /** Candle timeframes predicted on (a version predicts only on its own timeframe). */
        @WithDefault("1d")
        List<String> timeframes();

        /** Horizons in candles of the timeframe (a version predicts only at its own horizon). */
        @WithDefault("1")
        List<@Min(1) Integer> horizons();

        /** No prediction from a series with fewer closed candles (the job reports it instead). */
        @WithDefault("100")
        @Min(30)
        int minCandles();

        /** The newest closed candles given to the forecaster, at most this many (as in training). */
        @WithDefault("5000")
        @Min(100)
        int maxCandles();

        /**
         * {@code accuracy_threshold} of the job's predictions, in percent: accurate when |actual − predicted| /
         * actual × 100 is at most this.
         */
        @WithDefault("2")
        @DecimalMin("0.01")
        @DecimalMax("99")
        double accuracyThresholdPercent();

        /** Annualised EWMA volatility (fraction) from which {@code volatility_level} is {@code medium}. */
        @WithDefault("0.5")
        @DecimalMin("0")
        double volatilityMedium();

        /** Annualised EWMA volatility (fraction) from which {@code volatility_level} is {@code high}. */
        @WithDefault("1.0")
        @DecimalMin("0")
        double volatilityHigh();
    }
    /** Scoring and scorecards ({@code prediction.predictions.score}). */
    Scoring scoring();

    interface Training {

        /** Candle timeframes trained (codes such as {@code 1d}, {@code 4h}). */
        @WithDefault("1d")
        List<String> timeframes();

        /** Horizons in candles of the timeframe. */
        @WithDefault("1")
        List<@Min(1) Integer> horizons();

        /** A series with fewer stored candles is skipped (reported in the run's result). */
        @WithDefault("200")
        @Min(100)
        int minCandles();

        /** Only the newest candles are used, at most this many (bounds a run's time on long intraday series). */
        @WithDefault("5000")
        @Min(100)
        int maxCandles();

        /** Share of the forecast origins kept for the held-out comparison (at least 30 origins). */
        @WithDefault("0.2")
        @DecimalMin("0.05")
        @DecimalMax("0.5")
        double holdoutFraction();
    }

    interface Scoring {

        /** Predictions scored per statement; a run repeats the statement until fewer are due. */
        @WithDefault("10000")
        @Min(1)
        int batchSize();

        /** Scorecard windows of target times: {@code Nd} (the N days up to the as-of) or {@code all}. */
        @WithDefault("7d,30d,all")
        List<@Pattern(regexp = "[1-9][0-9]{0,3}d|all") String> windows();

        /**
         * The as-of of a run's scorecards is its time truncated to this step (UTC), so runs within one step write the
         * same rows again instead of new ones.
         */
        @WithDefault("P1D")
        Duration asOfStep();

        /** Confidence buckets of the reliability table (equal width on [0, 1]). */
        @WithDefault("10")
        @Min(2)
        @Max(100)
        int confidenceBuckets();

        /** The leaderboard says a version beats the naive forecast only with at least this many scored predictions. */
        @WithDefault("30")
        @Min(1)
        int minCountToBeatNaive();
    }
}
