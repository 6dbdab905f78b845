package org.coinpilot.common.job;

import java.time.Instant;
import java.util.Map;

/**
 * What a run knows about itself.
 *
 * @param taskId the {@code background_tasks} row of this run
 * @param trigger who started it
 * @param params the run's parameters (empty for scheduled runs)
 * @param startedAt when the run took its lock and started
 */
public record JobContext(long taskId, JobTrigger trigger, Map<String, Object> params, Instant startedAt) {

    public JobContext {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
