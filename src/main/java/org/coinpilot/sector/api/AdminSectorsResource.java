package org.coinpilot.sector.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.sector.service.SectorMappingService;
import org.coinpilot.sector.service.SectorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin: edit the sector catalogue and import memberships from CoinGecko. */
@Path("/api/v1/admin/sectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: sectors")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminSectorsResource {

    private final SectorService sectors;
    private final SectorMappingService mappings;

    public AdminSectorsResource(SectorService sectors, SectorMappingService mappings) {
        this.sectors = sectors;
        this.mappings = mappings;
    }

    @POST
    @Operation(summary = "Create a sector")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "The sector's URL",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            maxLength = 200)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SectorResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "A sector has this name or slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SectorResponse>> create(@Valid @NotNull SectorRequest request) {
        return sectors.create(request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .location(URI.create("/api/v1/sectors/" + created.id()))
                        .build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a sector")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(
            responseCode = "404",
            description = "No sector has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another sector has this name or slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SectorResponse> update(
            @PathParam("id") @Parameter(description = "Sector id") long id, @Valid @NotNull SectorRequest request) {
        return sectors.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a sector",
            description = "With its memberships, performance history and rotations; PUT active=false only stops"
                    + " tracking it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No sector has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("id") @Parameter(description = "Sector id") long id) {
        return sectors.delete(id);
    }

    @POST
    @Path("/import")
    @Operation(
            summary = "Import asset sectors from CoinGecko categories",
            description = "For each asset, GET /coins/{id} at CoinGecko; categories match sectors by name, slug or"
                    + " characteristics.coingeckoCategories; 100 % is split evenly, the first match primary. An asset"
                    + " whose call fails keeps its sectors (the call is in external_api_logs).")
    @APIResponse(responseCode = "200", description = "What was imported, asset by asset")
    public Uni<SectorImportReport> importCategories(@Valid @NotNull SectorImportRequest request) {
        return mappings.importSymbols(request.symbols(), Boolean.TRUE.equals(request.replace()));
    }
}
