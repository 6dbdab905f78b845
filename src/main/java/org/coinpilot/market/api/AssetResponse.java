package org.coinpilot.market.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.market.domain.PriceSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset of the catalogue with its latest market snapshot. */
@Schema(description = "An asset of the catalogue with its latest market snapshot")
public record AssetResponse(
        @Schema(description = "Symbol, case-sensitive", examples = "BTC")
        String symbol,

        @Schema(description = "Name", examples = "Bitcoin") String name,

        @Schema(description = "Provider ids, e.g. {\"coingecko\": \"bitcoin\", \"binance\": \"BTCUSDT\"}")
        Map<String, Object> externalIds,

        @Schema(
                description = "Price in USD: the catalogue's, or, when the catalogue has none (its sync is offline"
                        + " or has not run), the close of the latest stored candle (see priceSource)",
                nullable = true)
        BigDecimal currentPrice,

        @Schema(
                description = "Where currentPrice, the 24 h / 7 d changes and totalVolume come from: CATALOGUE, or"
                        + " CANDLE (the latest stored candle of the finest ingested timeframe); null when there is"
                        + " no price at all",
                nullable = true)
        PriceSource priceSource,

        @Schema(
                description = "When the price was taken: the catalogue row's last update, or the close time of the"
                        + " candle",
                nullable = true)
        Instant priceAsOf,

        @Schema(description = "Market capitalisation in USD", nullable = true)
        BigDecimal marketCap,

        @Schema(description = "Rank by market capitalisation", nullable = true)
        Integer marketCapRank,

        @Schema(description = "24 h volume in USD", nullable = true)
        BigDecimal totalVolume,

        @Schema(description = "Circulating supply", nullable = true)
        BigDecimal circulatingSupply,

        @Schema(description = "Total supply", nullable = true)
        BigDecimal totalSupply,

        @Schema(description = "Maximum supply", nullable = true)
        BigDecimal maxSupply,

        @Schema(description = "Price change over 24 h, percent", nullable = true)
        BigDecimal priceChangePercentage24h,

        @Schema(description = "Price change over 7 days, percent", nullable = true)
        BigDecimal priceChangePercentage7d,

        @Schema(description = "Price change over 30 days, percent", nullable = true)
        BigDecimal priceChangePercentage30d,

        @Schema(description = "Description", nullable = true)
        String description,

        @Schema(description = "Logo URL", nullable = true) String logoUrl,
        @Schema(description = "Related links") Map<String, Object> links,
        @Schema(description = "Listed") boolean active,

        @Schema(description = "Candles are ingested and analysed")
        boolean supported,

        @Schema(description = "Last change of the row") Instant updatedAt) {}
