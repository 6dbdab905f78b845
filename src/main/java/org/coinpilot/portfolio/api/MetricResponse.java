package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.coinpilot.portfolio.domain.Metric;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A return metric, or "unavailable" with the reason; with the formula and inputs it came from. */
@Schema(
        description =
                "A return metric with its explanation; unavailable (value null) with a reason, never a misleading 0")
public record MetricResponse(
        @Schema(description = "False when it cannot be computed")
        boolean available,

        @Schema(description = "The return as a fraction (0.0979 = 9.79 %)", nullable = true)
        BigDecimal value,

        @Schema(description = "The return in percent, 4 decimals", nullable = true)
        BigDecimal percent,

        @Schema(description = "Why it is unavailable", nullable = true)
        String unavailableReason,

        @Schema(description = "The formula and its inputs") Map<String, Object> explain) {

    public static MetricResponse of(Metric m) {
        return new MetricResponse(
                m.available(),
                m.value(),
                m.value() == null ? null : m.value().movePointRight(2).setScale(4, RoundingMode.HALF_EVEN),
                m.unavailableReason(),
                Map.of("formula", m.formula(), "inputs", m.inputs()));
    }
}
