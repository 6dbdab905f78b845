package org.coinpilot.market.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.market.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public market data: the asset catalogue. */
@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Market data")
public class AssetsResource {

    private final CatalogueService catalogue;

    public AssetsResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(
            summary = "List assets",
            description = "Filter by active, supported and text; sort by rank, volume or change.")
    @APIResponse(responseCode = "200", description = "One page of assets")
    @APIResponse(
            responseCode = "400",
            description = "Bad filter, sort or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<AssetResponse>> list(@Valid @BeanParam AssetQuery query, @Valid @BeanParam PageQuery page) {
        return catalogue.list(query, page);
    }

    @GET
    @Path("/{symbol}")
    @Operation(summary = "Get one asset")
    @APIResponse(responseCode = "200", description = "The asset")
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssetResponse> get(@PathParam("symbol") String symbol) {
        return catalogue.get(symbol);
    }
}
