package org.coinpilot.ops.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Parameters of a manual run (optional body of {@code POST /api/v1/admin/jobs/{name}/runs}). */
@Schema(description = "Parameters of a manual job run")
public record RunJobRequest(
        @Schema(description = "Job-specific parameters, recorded with the run")
        @Size(max = 50, message = "may hold at most 50 parameters")
        Map<String, @NotNull(message = "must not be null") Object> params) {}
