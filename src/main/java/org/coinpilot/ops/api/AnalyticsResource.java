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
import org.coinpilot.ops.service.AnalyticsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: the analytics roll-ups of job {@code ops.analytics.rollup} ({@code analytics_data}). */
@Path("/api/v1/admin/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: analytics")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AnalyticsResource {

    private final AnalyticsService analytics;

    public AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GET
    @Operation(
            summary = "List rolled-up analytics",
            description = "Newest period first; `from` / `to` bound the period start (`to` exclusive). Categories and"
                    + " metrics: docs/operations.md, \"Analytics\".")
    @APIResponse(responseCode = "200", description = "One page of values")
    @APIResponse(
            responseCode = "400",
            description =
                    "Bad category, metric, aggregation, from, to (ISO-8601 instants, from before to), page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<AnalyticsResponse>> list(
            @Valid @BeanParam AnalyticsQuery query, @Valid @BeanParam PageQuery page) {
        return analytics.list(query, page);
    }
}
