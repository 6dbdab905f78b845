package org.coinpilot.ops.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: outbound calls to exchanges and data providers ({@code external_api_logs}). */
@Path("/api/v1/admin/external-api-logs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: external APIs")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class ExternalApiLogsResource {

    private final ExternalApiLogService logs;

    public ExternalApiLogsResource(ExternalApiLogService logs) {
        this.logs = logs;
    }

    @GET
    @Operation(
            summary = "List outbound calls",
            description = "Newest first; `from` / `to` bound the call time (`to` exclusive).")
    @APIResponse(responseCode = "200", description = "One page of calls")
    @APIResponse(
            responseCode = "400",
            description = "Bad from, to (ISO-8601 instants, from before to), page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<ExternalApiLogResponse>> list(
            @Valid @BeanParam ExternalApiLogQuery query, @Valid @BeanParam PageQuery page) {
        return logs.list(query, page);
    }

    @GET
    @Path("/summary")
    @Operation(
            summary = "Calls per provider and endpoint",
            description = "Count, error rate, p50 and p95 latency over the last `hours`.")
    @APIResponse(responseCode = "200", description = "One row per provider and endpoint")
    public Uni<List<ExternalApiSummaryResponse>> summary(@QueryParam("hours") Integer hours) {
        return logs.summary(hours == null ? 24 : hours);
    }
}
