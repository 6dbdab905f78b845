package org.coinpilot.ops.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one retention run did.
 *
 * @param deleted rows deleted per pruned table name
 * @param unfinished tables where the run stopped at its batch limit with old rows possibly left (the next run goes
 *     on)
 * @param disabled known tables that were not pruned (disabled or not configured)
 */
public record RetentionRun(Map<String, Long> deleted, List<String> unfinished, List<String> disabled) {

    public RetentionRun {
        deleted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deleted));
        unfinished = List.copyOf(unfinished);
        disabled = List.copyOf(disabled);
    }

    /** Rows deleted from all tables. */
    public long total() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
