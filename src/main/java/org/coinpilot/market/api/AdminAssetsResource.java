package org.coinpilot.market.api;

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
import org.coinpilot.market.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin: edit the asset catalogue. */
@Path("/api/v1/admin/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: market data")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminAssetsResource {

    private final CatalogueService catalogue;

    public AdminAssetsResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @POST
    @Operation(summary = "Create an asset")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            description = "The asset's URL",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssetResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The symbol exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<AssetResponse>> create(@Valid @NotNull AssetRequest request) {
        return catalogue
                .create(request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .location(URI.create("/api/v1/assets/" + created.symbol()))
                        .build());
    }

    @PUT
    @Path("/{symbol}")
    @Operation(summary = "Update an asset")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssetResponse> update(@PathParam("symbol") String symbol, @Valid @NotNull AssetRequest request) {
        return catalogue.update(symbol, request);
    }

    @DELETE
    @Path("/{symbol}")
    @Operation(summary = "Deactivate an asset", description = "Delists it and stops ingestion; candles are kept.")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> deactivate(@PathParam("symbol") String symbol) {
        return catalogue.deactivate(symbol);
    }
}
