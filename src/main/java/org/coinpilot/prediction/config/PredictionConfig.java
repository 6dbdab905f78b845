package org.coinpilot.prediction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.util.List;

/** {@code coinpilot.prediction.*} (docs/predictions.md). */
@ConfigMapping(prefix = "coinpilot.prediction")
public interface PredictionConfig {

    /** The baseline models' training ({@code prediction.models.train}). */
    Training training();

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
}
