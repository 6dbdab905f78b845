package org.coinpilot.ops.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.JobTrigger;
import org.coinpilot.common.job.RunStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One run of a job, as recorded in {@code background_tasks}. */
@Schema(description = "One run of a background job")
public record TaskResponse(
        @Schema(description = "Task id") long id,

        @Schema(description = "Job name", examples = "ops.health-snapshot")
        String name,

        @Schema(description = "data_sync, model_training, cleanup, maintenance or analysis")
        String type,

        @Schema(description = "PENDING → RUNNING → COMPLETED | FAILED; SKIPPED when another run held the job's lock")
        RunStatus status,

        @Schema(description = "Who started it") JobTrigger triggeredBy,
        @Schema(description = "Parameters of the run") Map<String, Object> params,

        @Schema(description = "What the run reported", nullable = true)
        Map<String, Object> result,

        @Schema(description = "Why it failed", nullable = true)
        String error,

        @Schema(description = "When it was requested") Instant createdAt,

        @Schema(description = "When it took its lock and started", nullable = true)
        Instant startedAt,

        @Schema(description = "When it finished", nullable = true)
        Instant completedAt,

        @Schema(
                description = "Execution time in seconds",
                type = SchemaType.STRING,
                format = "decimal",
                nullable = true)
        BigDecimal executionTimeSeconds) {

    public static TaskResponse from(JobRun run) {
        return new TaskResponse(
                run.taskId(),
                run.job(),
                run.taskType(),
                run.status(),
                run.trigger(),
                run.params(),
                run.result(),
                run.error(),
                run.createdAt(),
                run.startedAt(),
                run.completedAt(),
                run.executionSeconds());
    }
}
