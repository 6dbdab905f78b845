package org.coinpilot.sector.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.sector.service.SectorMappingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: set the sectors of an asset. */
@Path("/api/v1/admin/assets/{symbol}/sectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: sectors")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminAssetSectorsResource {

    private final SectorMappingService mappings;

    public AdminAssetSectorsResource(SectorMappingService mappings) {
        this.mappings = mappings;
    }

    @PUT
    @Operation(
            summary = "Replace the sectors of an asset",
            description = "Allocations above 0 and at most 100, summing to at most 100, exactly one primary; an"
                    + " empty list removes every sector.")
    @APIResponse(responseCode = "200", description = "The asset's sectors now")
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Allocations over 100, not exactly one primary, a sector twice or unknown (violations name"
                    + " the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssetSectorsResponse> replace(
            @PathParam("symbol") String symbol, @Valid @NotNull AssetSectorsRequest request) {
        return mappings.replace(symbol, request);
    }
}
