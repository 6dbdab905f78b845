package org.coinpilot.alert.api;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.coinpilot.alert.domain.AlertCondition;
import org.coinpilot.alert.domain.AlertFrequency;
import org.coinpilot.alert.domain.NotificationMethod;
import org.coinpilot.common.time.Timeframe;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes to an alert; absent fields are kept. The result is validated like a new alert. Changing the condition
 * (condition, triggerValue, timeframe, windowCandles, indicatorKey, referenceKey) or re-activating it re-arms it.
 */
@Schema(description = "Changes to an alert rule; absent fields are kept")
public record PatchAlertRequest(
        @Schema(description = "Condition; see the create request")
        AlertCondition condition,

        @Schema(description = "Level, percentage or factor") BigDecimal triggerValue,
        @Schema(description = "Candle timeframe") Timeframe timeframe,
        @Schema(description = "N candles") Integer windowCandles,

        @Schema(description = "ONCE, EVERY_TIME or ONCE_PER_CANDLE")
        AlertFrequency frequency,

        @Schema(description = "EVERY_TIME cooldown in seconds")
        Integer cooldownSeconds,

        @Size(max = 60) @Schema(description = "INDICATOR: left operand")
        String indicatorKey,

        @Size(max = 60) @Schema(description = "INDICATOR: right operand")
        String referenceKey,

        @Schema(description = "Expiry instant (future)") Instant expiresAt,

        @Size(max = 1000) @Schema(description = "Custom notification text")
        String message,

        @Size(max = 3) @Schema(description = "Channels") List<NotificationMethod> notificationMethods,

        @Schema(description = "false switches the alert off; true switches it on again (re-armed)")
        Boolean active) {}
