package org.coinpilot.market.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One closed candle. */
@Schema(description = "A closed OHLCV candle; prices in USD(T), volume in USD")
@JsonSerialize(using = CandleResponseSerializer.class)
public record CandleResponse(
        @Schema(description = "Open time of the candle (UTC)", examples = "2024-01-01T00:00:00Z")
        Instant time,

        @Schema(description = "Open price") BigDecimal open,
        @Schema(description = "Highest price") BigDecimal high,
        @Schema(description = "Lowest price") BigDecimal low,
        @Schema(description = "Close price") BigDecimal close,

        @Schema(description = "Traded volume in USD (quote-asset volume), 2 decimals")
        BigDecimal volume,

        @Schema(description = "Stored technical indicators; only with include=indicators")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Object> indicators) {}
