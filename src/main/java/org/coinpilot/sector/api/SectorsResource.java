package org.coinpilot.sector.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.sector.service.SectorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public analysis layer 2: sectors, their performance and the rotations between them. */
@Path("/api/v1/sectors")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Sectors")
public class SectorsResource {

    private final SectorService sectors;

    public SectorsResource(SectorService sectors) {
        this.sectors = sectors;
    }

    @GET
    @Operation(summary = "List sectors", description = "By name, with member count and latest performance.")
    @APIResponse(responseCode = "200", description = "One page of sectors")
    @APIResponse(
            responseCode = "400",
            description = "Bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<SectorSummary>> list(
            @QueryParam("active") @Parameter(description = "Only tracked (true) or untracked (false) sectors")
                    Boolean active,
            @Valid @BeanParam PageQuery page) {
        return sectors.list(active, page);
    }

    @GET
    @Path("/rotations")
    @Operation(
            summary = "Detected sector rotations",
            description = "Oldest first; with from (or a cursor) pages forward, without it the newest `limit` before"
                    + " `to`. Rules in docs/sectors.md.")
    @APIResponse(responseCode = "200", description = "One page of rotations")
    @APIResponse(
            responseCode = "400",
            description = "Bad sector, from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CursorPage<SectorRotationResponse>> rotations(
            @QueryParam("sector") @Size(max = 19) @Parameter(description = "Only rotations from or to this sector id")
                    String sector,
            @Valid @BeanParam SectorHistoryQuery query) {
        return sectors.rotations(sector, query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a sector", description = "With its members and latest performance.")
    @APIResponse(responseCode = "200", description = "The sector")
    @APIResponse(
            responseCode = "404",
            description = "No sector has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SectorResponse> get(@PathParam("id") @Parameter(description = "Sector id") long id) {
        return sectors.get(id);
    }

    @GET
    @Path("/{id}/performance")
    @Operation(
            summary = "A sector's performance history",
            description = "Snapshots oldest first; with from (or a cursor) pages forward, without it the newest"
                    + " `limit` before `to`.")
    @APIResponse(responseCode = "200", description = "One page of snapshots")
    @APIResponse(
            responseCode = "400",
            description = "Bad from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No sector has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CursorPage<SectorPerformanceResponse>> performance(
            @PathParam("id") @Parameter(description = "Sector id") long id,
            @Valid @BeanParam SectorHistoryQuery query) {
        return sectors.performance(id, query);
    }
}
