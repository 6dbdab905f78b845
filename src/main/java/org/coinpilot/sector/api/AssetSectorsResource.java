package org.coinpilot.sector.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.sector.service.SectorMappingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: the sectors of an asset. */
@Path("/api/v1/assets/{symbol}/sectors")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Sectors")
public class AssetSectorsResource {

    private final SectorMappingService mappings;

    public AssetSectorsResource(SectorMappingService mappings) {
        this.mappings = mappings;
    }

    @GET
    @Operation(summary = "The sectors of an asset", description = "Primary first, with allocation percentages.")
    @APIResponse(responseCode = "200", description = "The asset's sectors (empty when it has none)")
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssetSectorsResponse> get(@PathParam("symbol") String symbol) {
        return mappings.forAsset(symbol);
    }
}
