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
        @Schema(description = "Price", nullable = true) BigDecimal assetPrice,

        @Schema(description = "Quantity (the remaining quantity of a FULL_EXIT; 0 for MODIFY_*)", nullable = true)
        BigDecimal quantity,

        @Schema(description = "Fee, USD", nullable = true) BigDecimal feesPaid,

        @Schema(description = "Realized PnL of this action, USD, fees deducted", nullable = true)
        BigDecimal realizedPnlUsd,

        @Schema(description = "Remaining quantity after it", nullable = true)
        BigDecimal quantityAfter,

        @Schema(description = "Average entry price after it", nullable = true)
        BigDecimal entryPriceAfter,

        @Schema(description = "When it happened") Instant executedAt,
        @Schema(description = "Timeframe", nullable = true) Timeframe timeframe,
        @Schema(description = "Emotion", nullable = true) String emotionState,

        @Schema(description = "Confidence 1-10", nullable = true)
        Integer confidenceLevel,

        @Schema(description = "Stress 1-10", nullable = true)
        Integer stressLevel,

        @Schema(description = "Market sentiment", nullable = true)
        MarketSentiment marketSentiment,

        @Schema(description = "Volatility", nullable = true) VolatilityLevel volatilityLevel,

        @Schema(description = "Volume profile", nullable = true)
        VolumeProfile volumeProfile,

        @Schema(description = "Setup", nullable = true) PrimarySetup primarySetup,

        @Schema(description = "Confirmation signals", nullable = true)
        List<String> confirmationSignals,

        @Schema(description = "Chart pattern", nullable = true)
        String chartPattern,

        @Schema(description = "Analysis snapshot", nullable = true)
        Map<String, Object> analysisSnapshot,

        @Schema(description = "Stop-loss at the action", nullable = true)
        BigDecimal stopLoss,

        @Schema(description = "Take-profit at the action", nullable = true)
        BigDecimal takeProfit,

        @Schema(description = "Capital, USD", nullable = true)
        BigDecimal capitalAmount,

        @Schema(description = "Risk, percent", nullable = true)
        BigDecimal riskPercent,

        @Schema(description = "Reason", nullable = true) String reason,
        @Schema(description = "Source", nullable = true) ActionSource actionSource,

        @Schema(description = "Signal followed", nullable = true)
        Long signalId,

        @Schema(description = "Lesson learned", nullable = true)
        String lessonLearned,

        @Schema(description = "Notes", nullable = true) String notes,
        @Schema(description = "Recorded") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {

    public TradeActionResponse {
        confirmationSignals = confirmationSignals == null ? List.of() : List.copyOf(confirmationSignals);
    }
}
