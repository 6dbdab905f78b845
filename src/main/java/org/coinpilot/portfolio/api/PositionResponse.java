package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.portfolio.domain.AssetType;
import org.coinpilot.portfolio.domain.InvestmentTimeframe;
import org.coinpilot.portfolio.domain.RiskCategory;
import org.coinpilot.portfolio.domain.TradeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A position as its journal makes it (docs/portfolio.md). */
@Schema(description = "A position: its plan and the ledger its journal gives")
public record PositionResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Asset symbol") String symbol,

        @Schema(description = "True for an asset outside the catalogue")
        boolean external,

        @Schema(description = "External asset description", nullable = true)
        Map<String, Object> externalAssetInfo,

        @Schema(description = "What it holds") AssetType assetType,
        @Schema(description = "LONG or SHORT") String direction,
        @Schema(description = "Leverage") BigDecimal leverageRatio,
        @Schema(description = "Remaining quantity") BigDecimal quantity,

        @Schema(description = "Average entry price (average cost) of the remaining quantity", nullable = true)
        BigDecimal entryPrice,

        @Schema(description = "Average exit price of the current cycle", nullable = true)
        BigDecimal exitPrice,

        @Schema(description = "Quantity exited in the current cycle")
        BigDecimal exitedQuantity,

        @Schema(description = "OPEN, ACCUMULATING, REDUCING, EXIT_PLAN or CLOSED")
        TradeStatus tradeStatus,

        @Schema(description = "Realized PnL, USD, fees deducted")
        BigDecimal realizedPnlUsd,

        @Schema(description = "All fees of the journal, USD")
        BigDecimal feesPaidUsd,

        @Schema(description = "Entry fees of the remaining quantity, not yet realized, USD")
        BigDecimal openFeesUsd,

        @Schema(description = "Target share, percent", nullable = true)
        BigDecimal allocationTargetPercent,

        @Schema(description = "Maximum share, percent", nullable = true)
        BigDecimal maxAllocationPercent,

        @Schema(description = "Investment rationale", nullable = true)
        String investmentThesis,

        @Schema(description = "Investment timeframe", nullable = true)
        InvestmentTimeframe investmentTimeframe,

        @Schema(description = "Risk category") RiskCategory riskCategory,

        @Schema(description = "Stop-loss price", nullable = true)
        BigDecimal stopLossPrice,

        @Schema(description = "Take-profit price", nullable = true)
        BigDecimal takeProfitPrice,

        @Schema(description = "When the current cycle opened", nullable = true)
        Instant openedAt,

        @Schema(description = "When it was last closed", nullable = true)
        Instant closedAt,

        @Schema(description = "Optimistic-locking version") long version,
        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
