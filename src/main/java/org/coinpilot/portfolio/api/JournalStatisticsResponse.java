package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Statistics of the caller's closed trades (docs/portfolio.md, "Journal statistics"). */
@Schema(description = "Statistics of closed trades, overall and by the opening action's attributes")
public record JournalStatisticsResponse(
        @Schema(description = "All closed trades") Stats overall,
        @Schema(description = "By primary setup") Map<String, Stats> bySetup,
        @Schema(description = "By emotion") Map<String, Stats> byEmotion,
        @Schema(description = "By market sentiment") Map<String, Stats> byMarketSentiment,
        @Schema(description = "By timeframe") Map<String, Stats> byTimeframe,
        @Schema(description = "By action source") Map<String, Stats> bySource,

        @Schema(description = "The closed trades, newest close first")
        List<Trade> trades) {

    public JournalStatisticsResponse {
        trades = trades == null ? List.of() : List.copyOf(trades);
    }

    /** The figures of a group; null where undefined (no wins, no losses, no stops). */
    @Schema(description = "Figures of a group of closed trades; null where undefined")
    public record Stats(
            @Schema(description = "Closed trades") int trades,
            @Schema(description = "With PnL > 0") int wins,
            @Schema(description = "With PnL < 0") int losses,

            @Schema(description = "wins / trades", nullable = true)
            BigDecimal winRate,

            @Schema(description = "Mean PnL of the wins, USD", nullable = true)
            BigDecimal averageWin,

            @Schema(description = "Mean PnL of the losses, USD (negative)", nullable = true)
            BigDecimal averageLoss,

            @Schema(description = "Sum of wins / |sum of losses|", nullable = true)
            BigDecimal profitFactor,

            @Schema(description = "Mean PnL per trade, USD", nullable = true)
            BigDecimal expectancy,

            @Schema(description = "Mean R multiple of trades whose opening gave a stop", nullable = true)
            BigDecimal averageR,

            @Schema(description = "Sum of PnL, USD") BigDecimal totalPnl) {}

    /** One closed trade. */
    @Schema(description = "A closed trade: one cycle of a position from its entry to zero")
    public record Trade(
            @Schema(description = "Position id") long positionId,
            @Schema(description = "Symbol") String symbol,
            @Schema(description = "Opening action id") long openingActionId,
            @Schema(description = "Opened") Instant openedAt,
            @Schema(description = "Closed", nullable = true) Instant closedAt,

            @Schema(description = "Realized PnL, USD, fees included", nullable = true)
            BigDecimal pnlUsd,

            @Schema(description = "PnL / initial risk", nullable = true)
            BigDecimal rMultiple,

            @Schema(description = "Maximum adverse excursion, percent of the average entry (<= 0)", nullable = true)
            BigDecimal maePercent,

            @Schema(description = "Maximum favourable excursion, percent of the average entry (>= 0)", nullable = true)
            BigDecimal mfePercent) {}
}
