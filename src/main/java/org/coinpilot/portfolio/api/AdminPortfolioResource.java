package org.coinpilot.portfolio.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.portfolio.service.PortfolioAdminService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins read any user's book for support; every read is recorded in the audit trail (docs/portfolio.md). */
@Path("/api/v1/admin/portfolio/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: portfolio")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminPortfolioResource {

    private final PortfolioAdminService admin;

    public AdminPortfolioResource(PortfolioAdminService admin) {
        this.admin = admin;
    }

    @GET
    @Path("/positions")
    @Operation(summary = "A user's positions (audited)")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(
            responseCode = "400",
            description = "Invalid query parameter (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<PositionResponse>> positions(
            @PathParam("userId") long userId, @Valid @BeanParam PositionQuery query, @Valid @BeanParam PageQuery page) {
        return admin.positions(userId, query, page);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "A user's portfolio summary (audited)")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(
            responseCode = "400",
            description = "Invalid from / to (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PortfolioSummaryResponse> summary(
            @PathParam("userId") long userId,
            @QueryParam("from") @Size(max = 10) @Parameter(description = "First UTC day") String from,
            @QueryParam("to") @Size(max = 10) @Parameter(description = "Last UTC day, before today") String to) {
        return admin.summary(userId, from, to);
    }

    @GET
    @Path("/journal/statistics")
    @Operation(summary = "A user's journal statistics (audited)")
    @APIResponse(responseCode = "200", description = "The statistics")
    public Uni<JournalStatisticsResponse> statistics(@PathParam("userId") long userId) {
        return admin.statistics(userId);
    }
}
