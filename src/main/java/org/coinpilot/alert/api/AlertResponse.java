package org.coinpilot.alert.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.coinpilot.alert.domain.AlertCondition;
import org.coinpilot.alert.domain.AlertFrequency;
import org.coinpilot.alert.domain.AlertStatus;
import org.coinpilot.alert.domain.AlertType;
import org.coinpilot.alert.domain.NotificationMethod;
import org.coinpilot.common.time.Timeframe;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert rule as its owner sees it. */
@Schema(description = "An alert rule")
public record AlertResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Asset symbol") String symbol,
        @Schema(description = "What it watches") AlertType alertType,

        @Schema(description = "Condition; null for SIGNAL_GENERATED", nullable = true)
        AlertCondition condition,

        @Schema(description = "Level, percentage or factor (decimal string)", nullable = true)
        BigDecimal triggerValue,

        @Schema(description = "Candle timeframe evaluated") Timeframe timeframe,

        @Schema(description = "N candles (percentage change window, volume average)", nullable = true)
        Integer windowCandles,

        @Schema(description = "How often it fires") AlertFrequency frequency,

        @Schema(description = "EVERY_TIME cooldown in seconds", nullable = true)
        Integer cooldownSeconds,

        @Schema(description = "INDICATOR: left operand", nullable = true)
        String indicatorKey,

        @Schema(description = "INDICATOR: right operand (absent: triggerValue)", nullable = true)
        String referenceKey,

        @Schema(description = "Expiry", nullable = true) Instant expiresAt,

        @Schema(description = "Custom notification text", nullable = true)
        String message,

        @Schema(description = "Channels") List<NotificationMethod> notificationMethods,
        @Schema(description = "Switched on") boolean active,
        @Schema(description = "A ONCE alert that fired") boolean triggered,

        @Schema(description = "ARMED, TRIGGERED, INACTIVE or EXPIRED")
        AlertStatus status,

        @Schema(description = "When it last fired", nullable = true)
        Instant triggeredAt,

        @Schema(description = "Open time of the candle that last fired it", nullable = true)
        Instant lastFiredCandle,

        @Schema(description = "How many times it fired") int triggerCount,

        @Schema(description = "When an evaluation pass last checked it (absent: not yet)", nullable = true)
        Instant lastChecked,

        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt,
        @Schema(description = "Version (optimistic lock)") long version) {}
