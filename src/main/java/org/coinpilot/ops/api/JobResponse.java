package org.coinpilot.ops.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered job, its schedule and its newest run. */
@Schema(description = "A background job")
public record JobResponse(
        @Schema(description = "Unique name", examples = "ops.health-snapshot")
        String name,

        @Schema(description = "What it does") String description,

        @Schema(description = "Task type recorded for its runs")
        String type,

        @Schema(
                description = "Interval between scheduled runs (when there is no cron)",
                examples = "5m",
                nullable = true)
        String every,

        @Schema(description = "Cron schedule, when configured", nullable = true)
        String cron,

        @Schema(description = "Whether the scheduler runs it (admins and the CLI can always run it)")
        boolean enabled,

        @Schema(description = "Its newest run, if any", nullable = true)
        TaskResponse lastRun) {}
