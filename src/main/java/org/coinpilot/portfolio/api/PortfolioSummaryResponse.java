package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The book at current prices and its returns over a period (docs/portfolio.md, "Summary"). */
@Schema(description = "The book at the latest stored prices and its returns over a period")
public record PortfolioSummaryResponse(
        @Schema(description = "When it was computed") Instant asOf,

        @Schema(description = "Value of the priced open positions, USD")
        BigDecimal valueUsd,

        @Schema(description = "Their cost basis, USD") BigDecimal costBasisUsd,
        @Schema(description = "Their unrealized PnL, USD") BigDecimal unrealizedPnlUsd,

        @Schema(description = "Realized PnL of all positions, USD")
        BigDecimal realizedPnlUsd,

        @Schema(description = "Fees of all positions, USD") BigDecimal feesPaidUsd,
        @Schema(description = "realized + unrealized, USD") BigDecimal totalPnlUsd,

        @Schema(description = "False when an open position has no price (left out of the totals)")
        boolean complete,

        @Schema(description = "Open positions and closed ones with realized PnL")
        List<PositionValuation> positions,

        @Schema(description = "Returns over the period") Returns returns) {

    public PortfolioSummaryResponse {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }

    /** The three return metrics side by side. */
    @Schema(description = "Time-weighted, money-weighted and on average investment, over the same days")
    public record Returns(
            @Schema(description = "First day (UTC)") LocalDate from,

            @Schema(description = "Last day (UTC, inclusive)")
            LocalDate to,

            @Schema(description = "Daily-linked time-weighted return")
            MetricResponse timeWeighted,

            @Schema(description = "Money-weighted return (XIRR, annualised)")
            MetricResponse moneyWeighted,

            @Schema(description = "Return on average investment")
            MetricResponse returnOnAverageInvestment) {}
}
