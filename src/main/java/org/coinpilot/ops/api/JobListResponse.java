package org.coinpilot.ops.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** All registered jobs. */
@Schema(description = "The registered background jobs")
public record JobListResponse(
        @Schema(description = "Jobs by name") List<JobResponse> items) {}
