package org.coinpilot.portfolio.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A return metric: its value as a fraction ({@code 0.0979} = 9.79 %) with the formula and inputs it came from, or
 * "unavailable" with the reason — never a misleading 0.
 */
public record Metric(BigDecimal value, String unavailableReason, String formula, Map<String, Object> inputs) {

    public static Metric of(BigDecimal value, String formula, Map<String, Object> inputs) {
        return new Metric(value, null, formula, new LinkedHashMap<>(inputs));
    }

    public static Metric unavailable(String reason, String formula, Map<String, Object> inputs) {
        return new Metric(null, reason, formula, new LinkedHashMap<>(inputs));
    }

    public boolean available() {
        return value != null;
    }
}
