package org.coinpilot.ops.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.ops.service.JobAdminService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin: the registered background jobs, and manual runs. */
@Path("/api/v1/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: jobs")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class JobsResource {

    private final JobAdminService jobs;

    public JobsResource(JobAdminService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "List the jobs", description = "Every registered job with its schedule and newest run.")
    @APIResponse(responseCode = "200", description = "The jobs")
    public Uni<JobListResponse> list() {
        return jobs.list();
    }

    @POST
    @Path("/{name}/runs")
    @Operation(
            summary = "Run a job now",
            description = "Records a task and runs the job once. By default the run goes on in the background and "
                    + "the answer is 202 with the pending task (follow it at Location); with wait=true the answer "
                    + "is 200 with the finished task. A run that finds another run of the same job in progress "
                    + "(on any replica) is recorded as SKIPPED.")
    @APIResponse(
            responseCode = "200",
            description = "The finished run (wait=true)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(
            responseCode = "202",
            description = "The run was started; follow the task at Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "The task's URL",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No job has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TaskResponse>> run(
            @PathParam("name")
                    @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,99}", message = "is not a job name")
                    @Parameter(description = "Job name", example = "ops.health-snapshot")
                    String name,
            @QueryParam("wait") @DefaultValue("false") @Parameter(description = "Wait for the run to finish")
                    boolean wait,
            @Valid RunJobRequest request) {
        return jobs.run(name, request == null ? null : request.params(), wait)
                .map(task -> wait
                        ? RestResponse.ok(task)
                        : RestResponse.ResponseBuilder.<TaskResponse>accepted()
                                .entity(task)
                                .location(URI.create("/api/v1/admin/tasks/" + task.id()))
                                .build());
    }
}
