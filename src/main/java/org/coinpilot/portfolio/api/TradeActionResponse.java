package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.portfolio.domain.ActionSource;
import org.coinpilot.portfolio.domain.MarketSentiment;
import org.coinpilot.portfolio.domain.PrimarySetup;
import org.coinpilot.portfolio.domain.TradeActionType;
import org.coinpilot.portfolio.domain.VolatilityLevel;
import org.coinpilot.portfolio.domain.VolumeProfile;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A journal entry with the ledger values its replay gave it. */
@Schema(description = "A trade action with its journal fields and ledger values")
public record TradeActionResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Position id") long positionId,
        @Schema(description = "Kind") TradeActionType actionType,
        @Schema(description = "Price") BigDecimal assetPrice,

        @Schema(description = "Quantity (the remaining quantity of a FULL_EXIT; 0 for MODIFY_*)")
        BigDecimal quantity,

        @Schema(description = "Fee, USD") BigDecimal feesPaid,

        @Schema(description = "Realized PnL of this action, USD, fees deducted")
        BigDecimal realizedPnlUsd,

        @Schema(description = "Remaining quantity after it") BigDecimal quantityAfter,

        @Schema(description = "Average entry price after it")
        BigDecimal entryPriceAfter,

        @Schema(description = "When it happened") Instant executedAt,
        @Schema(description = "Timeframe") Timeframe timeframe,
        @Schema(description = "Emotion") String emotionState,
        @Schema(description = "Confidence 1-10") Integer confidenceLevel,
        @Schema(description = "Stress 1-10") Integer stressLevel,
        @Schema(description = "Market sentiment") MarketSentiment marketSentiment,
        @Schema(description = "Volatility") VolatilityLevel volatilityLevel,
        @Schema(description = "Volume profile") VolumeProfile volumeProfile,
        @Schema(description = "Setup") PrimarySetup primarySetup,
        @Schema(description = "Confirmation signals") List<String> confirmationSignals,
        @Schema(description = "Chart pattern") String chartPattern,
        @Schema(description = "Analysis snapshot") Map<String, Object> analysisSnapshot,
        @Schema(description = "Stop-loss at the action") BigDecimal stopLoss,
        @Schema(description = "Take-profit at the action") BigDecimal takeProfit,
        @Schema(description = "Capital, USD") BigDecimal capitalAmount,
        @Schema(description = "Risk, percent") BigDecimal riskPercent,
        @Schema(description = "Reason") String reason,
        @Schema(description = "Source") ActionSource actionSource,
        @Schema(description = "Signal followed") Long signalId,
        @Schema(description = "Lesson learned") String lessonLearned,
        @Schema(description = "Notes") String notes,
        @Schema(description = "Recorded") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {

    public TradeActionResponse {
        confirmationSignals = confirmationSignals == null ? List.of() : List.copyOf(confirmationSignals);
    }
}
