package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.portfolio.domain.TradeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A position valued at the latest stored price, with its share of the book against its targets. */
@Schema(description = "A position at the latest stored price; market parts are null when no price is stored")
public record PositionValuation(
        @Schema(description = "Position id") long id,
        @Schema(description = "Symbol") String symbol,
        @Schema(description = "State") TradeStatus tradeStatus,
        @Schema(description = "Remaining quantity") BigDecimal quantity,

        @Schema(description = "Average entry price", nullable = true)
        BigDecimal entryPrice,

        @Schema(description = "Latest stored close (1h, else 1d)", nullable = true)
        BigDecimal price,

        @Schema(description = "Open time of that candle", nullable = true)
        Instant priceCandleTime,

        @Schema(description = "A whole candle closed since without being stored", nullable = true)
        Boolean stale,

        @Schema(description = "Quantity x average entry, USD", nullable = true)
        BigDecimal costBasisUsd,

        @Schema(description = "Cost basis + price gain (long: quantity x price), USD", nullable = true)
        BigDecimal valueUsd,

        @Schema(description = "dir x (price - entry) x quantity - open fees, USD", nullable = true)
        BigDecimal unrealizedPnlUsd,

        @Schema(description = "Realized PnL, USD") BigDecimal realizedPnlUsd,
        @Schema(description = "Fees paid, USD") BigDecimal feesPaidUsd,

        @Schema(description = "Share of the priced book, percent", nullable = true)
        BigDecimal weightPercent,

        @Schema(description = "Target share, percent", nullable = true)
        BigDecimal allocationTargetPercent,

        @Schema(description = "weight - target, percentage points", nullable = true)
        BigDecimal targetDeviationPercent,

        @Schema(description = "The deviation exceeds the tolerance", nullable = true)
        Boolean targetBreached,

        @Schema(description = "Maximum share, percent", nullable = true)
        BigDecimal maxAllocationPercent,

        @Schema(description = "The weight exceeds the maximum", nullable = true)
        Boolean maxBreached,

        @Schema(description = "Why it has no value (no price)", nullable = true)
        String unavailableReason) {}
