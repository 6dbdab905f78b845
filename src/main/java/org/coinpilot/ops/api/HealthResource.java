package org.coinpilot.ops.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.ops.service.HealthSnapshotService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: the health snapshots of job {@code ops.health-snapshot} ({@code system_health}). */
@Path("/api/v1/admin/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: health")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class HealthResource {

    private final HealthSnapshotService health;

    public HealthResource(HealthSnapshotService health) {
        this.health = health;
    }

    @GET
    @Operation(
            summary = "The latest health snapshot",
            description = "Written by job ops.health-snapshot (every 5 minutes by default); the score's formula is in"
                    + " docs/operations.md.")
    @APIResponse(
            responseCode = "200",
            description = "The newest snapshot",
            content = @Content(schema = @Schema(implementation = HealthSnapshotResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No snapshot was taken yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HealthSnapshotResponse> latest() {
        return health.latest();
    }

    @GET
    @Path("/history")
    @Operation(
            summary = "Health snapshots over a range",
            description = "Newest first; `from` / `to` bound the snapshot time (`to` exclusive).")
    @APIResponse(responseCode = "200", description = "One page of snapshots")
    @APIResponse(
            responseCode = "400",
            description = "Bad from, to (ISO-8601 instants, from before to), page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<HealthSnapshotResponse>> history(
            @Valid @BeanParam HealthHistoryQuery query, @Valid @BeanParam PageQuery page) {
        return health.history(query, page);
    }
}
