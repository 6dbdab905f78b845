package org.coinpilot.prediction.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.prediction.service.ModelRegistryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The model registry (docs/predictions.md "Model registry"), for operators and for service clients (a training
 * pipeline registers its versions and reports their results). End users have no access.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
@Tag(name = "Models")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class ModelsResource {

    private final ModelRegistryService registry;

    public ModelsResource(ModelRegistryService registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a model version",
            description = "INACTIVE (or TRAINING) until activated. The definition is fixed per version.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            headers =
                    @Header(
                            name = "Location",
                            description = "The version's URL",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ModelResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The name already has this version (MODEL_VERSION_EXISTS)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ModelResponse>> register(@Valid @NotNull RegisterModelRequest request) {
        return registry.register(request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .location(URI.create("/api/v1/models/" + created.id()))
                        .build());
    }

    @GET
    @Operation(summary = "The registry", description = "By name, newest version first; filtered.")
    @APIResponse(responseCode = "200", description = "One page")
    public Uni<PageResponse<ModelResponse>> list(@Valid @BeanParam ModelQuery query, @Valid @BeanParam PageQuery page) {
        return registry.list(query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One model version")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(
            responseCode = "404",
            description = "No version has this id (MODEL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelResponse> get(@PathParam("id") long id) {
        return registry.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record training results or a state change",
            description = "Absent fields are kept. Leaving ACTIVE leaves the name without an active version.")
    @APIResponse(responseCode = "200", description = "The changed version")
    @APIResponse(
            responseCode = "404",
            description = "No version has this id (MODEL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelResponse> update(@PathParam("id") long id, @Valid @NotNull UpdateModelRequest request) {
        return registry.update(id, request);
    }

    @POST
    @Path("/{id}/activate")
    @Operation(
            summary = "Make this the active version of its name",
            description = "The previously active version becomes INACTIVE in the same transaction; at most one"
                    + " version per name is ever active. Activating the active version changes nothing.")
    @APIResponse(responseCode = "200", description = "The activated version")
    @APIResponse(
            responseCode = "404",
            description = "No version has this id (MODEL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version is TRAINING or ERROR (MODEL_NOT_READY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelResponse> activate(@PathParam("id") long id) {
        return registry.activate(id);
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Switch this version off", description = "Its name then has no active version.")
    @APIResponse(responseCode = "200", description = "The version, INACTIVE")
    @APIResponse(
            responseCode = "404",
            description = "No version has this id (MODEL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelResponse> deactivate(@PathParam("id") long id) {
        return registry.deactivate(id);
    }
}
