package org.coinpilot.ops.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The overall health score of a snapshot, 0–100 (docs/operations.md, "Health score"):
 *
 * <pre>
 * score = 100 × (0.35 × database + 0.15 × latency + 0.10 × memory + 0.10 × jobs
 *              + 0.15 × api + 0.10 × data + 0.05 × models)
 *
 * database = 1 when the database answers, else 0 (and then the whole score is 0)
 * latency  = 1 for a round trip ≤ 50 ms, falling linearly to 0 at 1,000 ms
 * memory   = 1 for heap use ≤ 70 % of the maximum, falling linearly to 0 at 100 %
 * jobs     = share of jobs whose newest run did not fail (1 when no job has run yet)
 * api      = 1 when ≤ 1 % of the window's requests answered 5xx, falling linearly to 0 at 10 % (1 without requests)
 * data     = share of the ingested candle series that are fresh (1 when there is none)
 * models   = share of the active models trained recently enough (1 when there is none)
 * </pre>
 *
 * So a healthy service scores 100; a slow database (500 ms) costs about 7 points, a nearly full heap up to 10, each
 * failing job its share of 10, 5 % of 5xx answers about 8, and all candle series stale 10.
 */
public final class HealthScore {

    static final double LATENCY_GOOD_MS = 50;
    static final double LATENCY_BAD_MS = 1_000;
    static final double HEAP_GOOD = 0.70;
    static final double SERVER_ERRORS_GOOD = 0.01;
    static final double SERVER_ERRORS_BAD = 0.10;

    private HealthScore() {}

    /**
     * What the score is computed from.
     *
     * @param databaseUp whether the database answered
     * @param latencyMs its round-trip time
     * @param heapUsedRatio heap used / heap max (0–1)
     * @param jobsTotal jobs whose newest run is known
     * @param jobsFailed of those, how many failed
     * @param requests API requests in the window
     * @param serverErrors of those, how many answered 5xx
     * @param series ingested candle series
     * @param staleSeries of those, how many are stale
     * @param models active models
     * @param staleModels of those, how many were not trained recently enough
     */
    public record Inputs(
            boolean databaseUp,
            double latencyMs,
            double heapUsedRatio,
            int jobsTotal,
            int jobsFailed,
            long requests,
            long serverErrors,
            long series,
            long staleSeries,
            int models,
            int staleModels) {}

    public static BigDecimal compute(Inputs in) {
        if (!in.databaseUp()) {
            return BigDecimal.ZERO.setScale(2);
        }
        double latency = falling(in.latencyMs(), LATENCY_GOOD_MS, LATENCY_BAD_MS);
        double memory = falling(in.heapUsedRatio(), HEAP_GOOD, 1.0);
        double jobs = share(in.jobsTotal() - in.jobsFailed(), in.jobsTotal());
        double api = in.requests() == 0
                ? 1.0
                : falling((double) in.serverErrors() / in.requests(), SERVER_ERRORS_GOOD, SERVER_ERRORS_BAD);
        double data = share(in.series() - in.staleSeries(), in.series());
        double models = share(in.models() - in.staleModels(), in.models());
        double score =
                100 * (0.35 + 0.15 * latency + 0.10 * memory + 0.10 * jobs + 0.15 * api + 0.10 * data + 0.05 * models);
        return BigDecimal.valueOf(Math.min(100, Math.max(0, score))).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static double share(long good, long total) {
        return total <= 0 ? 1.0 : (double) good / total;
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
