package org.coinpilot.portfolio.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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

/** A trade action with its journal fields: recorded new, or replacing a past one (docs/portfolio.md). */
@Schema(description = "A trade action and its journal fields")
public record TradeActionRequest(
        @NotNull
        @Schema(
                description =
                        "BUY / ENTRY add; SELL, PARTIAL_SELL, PARTIAL_EXIT, FULL_EXIT reduce; MODIFY_SL / MODIFY_TP change the stop / target")
        TradeActionType actionType,

        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Price of the asset at the action", examples = "65000.5")
        BigDecimal assetPrice,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Quantity: required and > 0 except for FULL_EXIT (default: all) and MODIFY_* (none)")
        BigDecimal quantity,

        @DecimalMin("0") @Digits(integer = 20, fraction = 8) @Schema(description = "Fee paid, USD (default 0)")
        BigDecimal feesPaid,

        @Schema(description = "When it happened (default now; not in the future)")
        Instant executedAt,

        @Schema(description = "Chart timeframe the decision was made on (default 1d)")
        Timeframe timeframe,

        @Size(max = 30)
        @Pattern(regexp = "^[a-z][a-z0-9_]*$", message = "must be a lowercase code such as calm or fomo")
        @Schema(description = "Emotion, a lowercase code", examples = "calm")
        String emotionState,

        @Min(1) @Max(10) @Schema(description = "Confidence, 1-10")
        Integer confidenceLevel,

        @Min(1) @Max(10) @Schema(description = "Stress, 1-10")
        Integer stressLevel,

        @Schema(description = "BULLISH, BEARISH or SIDEWAYS")
        MarketSentiment marketSentiment,

        @Schema(description = "LOW, MEDIUM, HIGH or EXTREME")
        VolatilityLevel volatilityLevel,

        @Schema(description = "ABOVE_AVERAGE, BELOW_AVERAGE or NORMAL")
        VolumeProfile volumeProfile,

        @Schema(description = "BREAKOUT, PULLBACK, REVERSAL or TREND_FOLLOW")
        PrimarySetup primarySetup,

        @Size(max = 50) @Schema(description = "Signals that confirmed the setup", examples = "[\"rsi_oversold\"]")
        List<@NotBlank @Size(max = 60) String> confirmationSignals,

        @Size(max = 30)
        @Pattern(regexp = "^[a-z][a-z0-9_]*$", message = "must be a lowercase code such as flag")
        @Schema(description = "Chart pattern, a lowercase code")
        String chartPattern,

        @Size(max = 100) @Schema(description = "Snapshot of the analysis (at most 100 keys)")
        Map<String, Object> analysisSnapshot,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Stop-loss at this action (also sets the position's)")
        BigDecimal stopLoss,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Take-profit at this action (also sets the position's)")
        BigDecimal takeProfit,

        @DecimalMin("0") @Digits(integer = 20, fraction = 8) @Schema(description = "Capital at the time, USD")
        BigDecimal capitalAmount,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        @Schema(description = "Risk, percent of capital")
        BigDecimal riskPercent,

        @Size(max = 50)
        @Pattern(regexp = "^[a-z][a-z0-9_]*$", message = "must be a lowercase code such as hit_tp")
        @Schema(description = "Reason, a lowercase code", examples = "hit_tp")
        String reason,

        @Schema(description = "MANUAL (default), AI_SIGNAL, COPY_TRADE or ALGORITHM")
        ActionSource actionSource,

        @Positive @Schema(description = "The trading signal followed; must exist")
        Long signalId,

        @Size(max = 5000) @Schema(description = "Lesson learned")
        String lessonLearned,

        @Size(max = 5000) @Schema(description = "Notes") String notes) {}
