package org.coinpilot.ops.domain;

import java.time.Duration;

/**
 * How one table is pruned.
 *
 * @param table the table
 * @param keep rows older than this are deleted
 * @param batchSize rows deleted per statement
 */
public record RetentionPolicy(RetentionTable table, Duration keep, int batchSize) {

    public RetentionPolicy {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("the retention of " + table.tableName() + " must be positive: " + keep);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size of " + table.tableName() + " must be at least 1");
        }
    }
}
