package org.coinpilot.indicators.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of indicator series: the same candle times for every requested indicator. */
@Schema(description = "One page of indicator series (keyset-paged on the candle time, like candles)")
public record IndicatorSeriesPage(
        @Schema(description = "Asset symbol") String symbol,
        @Schema(description = "Candle timeframe") Timeframe timeframe,

        @Schema(description = "One entry per requested indicator, in request order")
        List<IndicatorSeriesResponse> items,

        @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String nextCursor) {}
