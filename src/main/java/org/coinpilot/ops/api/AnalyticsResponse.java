package org.coinpilot.ops.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rolled-up value. */
@Schema(description = "One rolled-up analytics value of an hour or a UTC day")
public record AnalyticsResponse(
        @Schema(description = "Id") long id,

        @Schema(description = "user_behavior, api_usage or performance")
        String category,

        @Schema(description = "Metric name, e.g. requests") String metric,

        @Schema(description = "The value (a count, milliseconds or seconds, per metric)", nullable = true)
        BigDecimal value,

        @Schema(description = "What the value is broken down by, e.g. {route, method, status}; empty for totals")
        Map<String, Object> dimensions,

        @Schema(description = "hourly or daily", nullable = true)
        String aggregation,

        @Schema(description = "Start of the hour or UTC day the value covers", nullable = true)
        Instant periodStart,

        @Schema(description = "When the value was last written", nullable = true)
        Instant updatedAt) {}
