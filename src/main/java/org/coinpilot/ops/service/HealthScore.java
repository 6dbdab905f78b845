package org.coinpilot.ops.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The overall health score of a snapshot, 0–100:
 *
 * <pre>
 * score = 100 × (0.50 × database + 0.20 × latency + 0.15 × memory + 0.15 × jobs)
 *
 * database = 1 when the database answers, else 0 (and then the whole score is 0)
 * latency  = 1 for a round trip ≤ 50 ms, falling linearly to 0 at 1,000 ms
 * memory   = 1 for heap use ≤ 70 % of the maximum, falling linearly to 0 at 100 %
 * jobs     = share of jobs whose newest run did not fail (1 when no job has run yet)
 * </pre>
 *
 * So a healthy service scores 100; a slow database (500 ms) costs about 10 points, a nearly full heap up to
 * 15, and each failing job its share of 15.
 */
public final class HealthScore {

    static final double LATENCY_GOOD_MS = 50;
    static final double LATENCY_BAD_MS = 1_000;
    static final double HEAP_GOOD = 0.70;

    private HealthScore() {}

    /**
     * @param databaseUp whether the database answered
     * @param latencyMs its round-trip time
     * @param heapUsedRatio heap used / heap max (0–1)
     * @param jobsTotal jobs whose newest run is known
     * @param jobsFailed of those, how many failed
     */
    public static BigDecimal compute(
            boolean databaseUp, double latencyMs, double heapUsedRatio, int jobsTotal, int jobsFailed) {
        if (!databaseUp) {
            return BigDecimal.ZERO.setScale(2);
        }
        double latency = falling(latencyMs, LATENCY_GOOD_MS, LATENCY_BAD_MS);
        double memory = falling(heapUsedRatio, HEAP_GOOD, 1.0);
        double jobs = jobsTotal == 0 ? 1.0 : (double) (jobsTotal - jobsFailed) / jobsTotal;
        double score = 100 * (0.50 + 0.20 * latency + 0.15 * memory + 0.15 * jobs);
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** 1 up to {@code good}, 0 from {@code bad}, linear in between. */
    static double falling(double value, double good, double bad) {
        if (value <= good) {
            return 1.0;
        }
        if (value >= bad) {
            return 0.0;
        }
        return (bad - value) / (bad - good);
    }
}
