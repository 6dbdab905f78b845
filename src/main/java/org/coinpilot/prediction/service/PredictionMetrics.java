package org.coinpilot.prediction.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The prediction feature's meters (docs/operations.md, "Metrics"). The scoring of realised predictions calls
 * {@link #scored} once per batch it has written; nothing else counts here, so the meter stays true to what was scored.
 */
@ApplicationScoped
public class PredictionMetrics {

    /** Counter of predictions scored against their realised price (the scoring job's batches are set-based). */
    public static final String SCORED = "coinpilot.predictions.scored";

    private final MeterRegistry registry;

    public PredictionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds {@code count} predictions that were scored. */
    public void scored(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        Counter.builder(SCORED)
                .description("Predictions scored against their realised price")
                .register(registry)
                .increment(count);
    }
}
