package org.coinpilot.alert.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.coinpilot.alert.domain.AlertCondition;
import org.coinpilot.alert.domain.AlertFrequency;
import org.coinpilot.alert.domain.AlertType;
import org.coinpilot.alert.domain.NotificationMethod;
import org.coinpilot.common.time.Timeframe;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new alert. Which fields are required depends on the type (docs/alerts.md). */
@Schema(description = "A new alert rule on an asset")
public record CreateAlertRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a symbol such as BTC")
        @Schema(description = "Asset symbol (case-sensitive)", examples = "BTC")
        String symbol,

        @NotNull @Schema(description = "What the alert watches", examples = "PRICE_TARGET")
        AlertType alertType,

        @Schema(
                description = "PRICE_TARGET and INDICATOR: ABOVE, BELOW, CROSSES, CROSSES_UP, CROSSES_DOWN;"
                        + " PERCENTAGE_CHANGE: MOVES_UP, MOVES_DOWN, PERCENTAGE_CHANGE (either way); VOLUME_SPIKE: SPIKE;"
                        + " required for these types, absent for SIGNAL_GENERATED (every new signal fires it)",
                examples = "CROSSES_UP")
        AlertCondition condition,

        @Schema(
                description =
                        "PRICE_TARGET: the price level; PERCENTAGE_CHANGE: x % (> 0); VOLUME_SPIKE: k (> 0, volume >= k"
                                + " x average); INDICATOR: the constant level when there is no referenceKey",
                examples = "65000")
        BigDecimal triggerValue,

        @Schema(description = "Candle timeframe evaluated (closed candles); default 1h", examples = "1h")
        Timeframe timeframe,

        @Schema(
                description = "N candles: window of PERCENTAGE_CHANGE and average of VOLUME_SPIKE (required there)",
                examples = "24")
        Integer windowCandles,

        @Schema(description = "ONCE (default), EVERY_TIME (needs cooldownSeconds) or ONCE_PER_CANDLE")
        AlertFrequency frequency,

        @Schema(description = "EVERY_TIME: minimum seconds between two firings", examples = "3600")
        Integer cooldownSeconds,

        @Size(max = 60)
        @Schema(
                description = "INDICATOR: left operand, close or a stored indicator key (with .output for multi-output"
                        + " kinds)",
                examples = "rsi_14")
        String indicatorKey,

        @Size(max = 60)
        @Schema(
                description = "INDICATOR: right operand when it is a series (close or a stored key); else triggerValue",
                examples = "sma_200")
        String referenceKey,

        @Schema(description = "The alert stops being evaluated at this instant (must be in the future)")
        Instant expiresAt,

        @Size(max = 1000) @Schema(description = "Custom notification text; generated when absent")
        String message,

        @Size(max = 3)
        @Schema(description = "Channels: IN_APP (default; always on), WEBHOOK, EMAIL. PUSH and SMS are not available")
        List<NotificationMethod> notificationMethods) {}
