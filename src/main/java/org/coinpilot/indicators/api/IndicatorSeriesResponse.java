package org.coinpilot.indicators.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator over the requested candles, with what it is and what it was computed from. */
@Schema(description = "One indicator over the requested candles")
public record IndicatorSeriesResponse(
        @Schema(description = "Canonical key", examples = "macd_12_26_9")
        String key,

        @Schema(description = "Indicator family", examples = "MACD")
        String kind,

        @Schema(description = "Exact definition: seeding, smoothing, variance (TA-Lib compatible)")
        String variant,

        @Schema(description = "Index of the first candle of a series that has a value (e.g. 14 for rsi_14)")
        int warmup,

        @Schema(description = "Output names, the keys of each point's values")
        List<String> outputs,

        @Schema(
                description = "Candles the values were computed from: every stored candle of the series from its first"
                        + " one up to the last point (look-back loaded automatically)")
        int candlesUsed,

        @Schema(description = "Open time of the first candle used (the first stored candle of the series)")
        Instant firstCandleTime,

        @Schema(description = "The points, oldest first") List<IndicatorPoint> points,

        @Schema(
                description = "Why values are missing beyond the warm-up, e.g. candles whose base-asset volume is"
                        + " unknown for a volume indicator (OBV, VWAP, MFI); absent when there is nothing to say")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String note) {}
