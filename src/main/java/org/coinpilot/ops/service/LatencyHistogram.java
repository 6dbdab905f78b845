package org.coinpilot.ops.service;

/**
 * The fixed latency buckets of {@code api_request_stats} (docs/operations.md, "Request statistics"): bucket {@code i}
 * counts requests of more than {@code upper(i - 1)} and at most {@code upper(i) = 0.25 ms × 2^(i/4)}; the last bucket
 * also takes everything slower. Four buckets per doubling, so a percentile read from them is within 19 % of the exact
 * one (linear interpolation inside the bucket usually does much better); histograms of several replicas and flushes
 * add bucket by bucket, which percentiles of percentiles could not.
 */
public final class LatencyHistogram {

    /** 0.25 ms × 2^(79/4) ≈ 222 s: the upper bound of the last regular bucket. */
    public static final int BUCKETS = 80;

    static final double FIRST_UPPER_MS = 0.25;

    private LatencyHistogram() {}

    /** The bucket a latency falls in. */
    public static int bucket(double millis) {
        if (!(millis > FIRST_UPPER_MS)) {
            return 0;
        }
        int index = (int) Math.ceil(4 * (Math.log(millis / FIRST_UPPER_MS) / Math.log(2)) - 1e-9);
        return Math.min(index, BUCKETS - 1);
    }

    /** The upper bound of bucket {@code i}, in milliseconds. */
    public static double upper(int i) {
        return FIRST_UPPER_MS * Math.pow(2, i / 4.0);
    }

    /**
     * The {@code quantile} (0–1) of the latencies counted in {@code counts}, interpolated linearly inside its bucket;
     * null when nothing was counted.
     */
    public static Double quantile(long[] counts, double quantile) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        double rank = quantile * total;
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            long count = counts[i];
            if (count > 0 && before + count >= rank) {
                double lower = i == 0 ? 0 : upper(i - 1);
                double share = Math.max(0, rank - before) / count;
                return lower + (upper(i) - lower) * share;
            }
            before += count;
        }
        return upper(counts.length - 1);
    }
}
