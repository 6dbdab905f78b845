package org.coinpilot.common.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A recorded run of a job (one {@code background_tasks} row). */
public record JobRun(
        long taskId,
        String job,
        String taskType,
        JobTrigger trigger,
        RunStatus status,
        Map<String, Object> params,
        Map<String, Object> result,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        BigDecimal executionSeconds) {}
