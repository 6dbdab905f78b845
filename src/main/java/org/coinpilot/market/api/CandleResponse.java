package org.coinpilot.market.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One closed candle. */
@Schema(
        description = "A closed OHLCV candle; prices in USD(T), volume in USD, base and quote volume as the source gave"
                + " them (docs/market.md \"Volume\")")
@JsonSerialize(using = CandleResponseSerializer.class)
public record CandleResponse(
        @Schema(description = "Open time of the candle (UTC)", examples = "2024-01-01T00:00:00Z")
        Instant time,

        @Schema(description = "Open price") BigDecimal open,
        @Schema(description = "Highest price") BigDecimal high,
        @Schema(description = "Lowest price") BigDecimal low,
        @Schema(description = "Close price") BigDecimal close,

        @Schema(
                description = "Traded volume in USD, 2 decimals: the quote-asset volume rounded to cents when"
                        + " `quoteVolume` is given; close × `baseVolume` (an estimate) when only `baseVolume` is;"
                        + " for candles stored before base volume was kept (both null), the USD volume stored then")
        BigDecimal volume,

        @Schema(
                description = "Base-asset volume (BTC of BTCUSDT) exactly as the source gave it, what OBV, VWAP and MFI"
                        + " use; null when unknown (candles stored before it was kept)",
                nullable = true)
        BigDecimal baseVolume,

        @Schema(
                description = "Quote-asset volume (USDT of BTCUSDT) exactly as the source gave it; null when the source"
                        + " gave none (then `volume` is close × `baseVolume`)",
                nullable = true)
        BigDecimal quoteVolume,

        @Schema(description = "Stored technical indicators; only with include=indicators")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Object> indicators) {}
