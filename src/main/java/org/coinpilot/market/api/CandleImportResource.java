package org.coinpilot.market.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.market.service.CandleImportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: import candles of an asset. */
@Path("/api/v1/admin/assets/{symbol}/candles/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: market data")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class CandleImportResource {

    private final CandleImportService imports;

    public CandleImportResource(CandleImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import Binance kline arrays", description = "Idempotent; bad rows are reported, not stored.")
    @APIResponse(responseCode = "200", description = "What was inserted, updated and rejected")
    @APIResponse(
            responseCode = "400",
            description = "Bad timeframe or body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReport> importKlines(
            @PathParam("symbol") String symbol, @QueryParam("timeframe") String timeframe, String body) {
        return imports.importJson(symbol, timeframe, body);
    }

    @POST
    @Consumes("text/csv")
    @Operation(
            summary = "Import CSV candles",
            description =
                    "Rows open_time,open,high,low,close,volume (open_time in epoch ms or ISO-8601; volume in USD).")
    @APIResponse(responseCode = "200", description = "What was inserted, updated and rejected")
    @APIResponse(
            responseCode = "400",
            description = "Bad timeframe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReport> importCsv(
            @PathParam("symbol") String symbol, @QueryParam("timeframe") String timeframe, String body) {
        return imports.importCsv(symbol, timeframe, body);
    }
}
