package org.coinpilot.ops.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The range of the health history. */
public class HealthHistoryQuery {

    @QueryParam("from")
    @Size(max = 64, message = "must be at most 64 characters")
    @Parameter(description = "Snapshots taken at or after this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Size(max = 64, message = "must be at most 64 characters")
    @Parameter(description = "Snapshots taken before this ISO-8601 instant (exclusive)")
    public String to;
}
