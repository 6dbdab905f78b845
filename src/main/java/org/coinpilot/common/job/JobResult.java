package org.coinpilot.common.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a completed run reports, stored as {@code background_tasks.result_data}: counts and facts a person
 * reading the task list wants ("inserted": 1200, "gaps": 0, ...).
 */
public record JobResult(Map<String, Object> data) {

    public JobResult {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static JobResult of(Map<String, Object> data) {
        return new JobResult(data);
    }

    public static JobResult empty() {
        return new JobResult(Map.of());
    }
}
