package org.coinpilot.ops.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the task list. */
public class TaskQuery {

    @QueryParam("name")
    @Size(max = 100, message = "must be at most 100 characters")
    @Parameter(description = "Exact job name, e.g. ops.health-snapshot")
    public String name;

    @QueryParam("status")
    @Pattern(
            regexp = "PENDING|RUNNING|COMPLETED|FAILED|SKIPPED",
            message = "must be one of PENDING, RUNNING, COMPLETED, FAILED, SKIPPED")
    @Parameter(description = "PENDING, RUNNING, COMPLETED, FAILED or SKIPPED")
    public String status;
}
