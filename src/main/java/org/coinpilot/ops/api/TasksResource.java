package org.coinpilot.ops.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.ops.service.BackgroundTaskService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: recorded runs of background jobs ({@code background_tasks}). */
@Path("/api/v1/admin/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: jobs")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class TasksResource {

    private final BackgroundTaskService tasks;

    public TasksResource(BackgroundTaskService tasks) {
        this.tasks = tasks;
    }

    @GET
    @Operation(summary = "List job runs", description = "Newest first; filter by job name and status.")
    @APIResponse(responseCode = "200", description = "One page of runs")
    public Uni<PageResponse<TaskResponse>> list(@Valid @BeanParam TaskQuery query, @Valid @BeanParam PageQuery page) {
        return tasks.list(query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one job run")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(
            responseCode = "404",
            description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TaskResponse> get(@PathParam("id") long id) {
        return tasks.get(id);
    }
}
