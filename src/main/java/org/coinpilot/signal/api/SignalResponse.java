package org.coinpilot.signal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.signal.domain.RiskLevel;
import org.coinpilot.signal.domain.SignalOutcome;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.SignalType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trading signal with its levels, lifecycle and, once scored, its outcome. */
@Schema(description = "A trading signal")
public record SignalResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Asset symbol") String symbol,
        @Schema(description = "LONG or SHORT") SignalType signalType,

        @Schema(description = "ACTIVE, EXECUTED (target or stop hit), EXPIRED or CANCELLED")
        SignalStatus status,

        @Schema(description = "Entry: close of the last input candle (decimal string)")
        BigDecimal entryPrice,

        @Schema(description = "Take-profit level: the predicted price (decimal string)", nullable = true)
        BigDecimal targetPrice,

        @Schema(description = "Stop level: entry -/+ k x ATR (decimal string)", nullable = true)
        BigDecimal stopLoss,

        @Schema(description = "|target - entry| / |entry - stop| (decimal string)", nullable = true)
        BigDecimal riskRewardRatio,

        @Schema(description = "LOW, MEDIUM, HIGH or EXTREME", nullable = true)
        RiskLevel riskLevel,

        @Schema(description = "Hours from the input candle's close to the target candle's close", nullable = true)
        Integer timeHorizonHours,

        @Schema(description = "When it expires (close of the predicted target candle)", nullable = true)
        Instant expiresAt,

        @Schema(description = "The prediction it was made from", nullable = true)
        Long predictionId,

        @Schema(description = "The model version of that prediction", nullable = true)
        Long modelId,

        @Schema(description = "Its model name", nullable = true)
        String modelName,

        @Schema(description = "Its version label", nullable = true)
        String modelVersion,

        @Schema(description = "Candle timeframe of the model", nullable = true)
        Timeframe timeframe,

        @Schema(description = "Macro regime known when it was made (bull, bear, sideways)", nullable = true)
        String regime,

        @Schema(description = "The inputs and rule values it was made from", nullable = true)
        Map<String, Object> rationale,

        @Schema(description = "HIT_TARGET, HIT_STOP or NEITHER once scored", nullable = true)
        SignalOutcome outcome,

        @Schema(description = "Exit price of the outcome (decimal string)", nullable = true)
        BigDecimal outcomePrice,

        @Schema(description = "Return of following it, % of entry, signed for the direction", nullable = true)
        BigDecimal outcomeReturnPercent,

        @Schema(description = "Open time of the candle that decided the outcome", nullable = true)
        Instant outcomeCandleTime,

        @Schema(description = "When it was scored", nullable = true)
        Instant scoredAt,

        @Schema(description = "When it was cancelled", nullable = true)
        Instant cancelledAt,

        @Schema(description = "Made") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
