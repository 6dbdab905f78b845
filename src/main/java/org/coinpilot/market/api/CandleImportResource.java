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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    /**
     * The longest import body, in characters: {@code quarkus.http.limits.max-body-size} (2 MiB) bounds its bytes, and
     * a character takes one byte at least; a longer body is refused with 413 before it is read.
     */
    public static final int MAX_BODY_LENGTH = 2 * 1024 * 1024;

    private final CandleImportService imports;

    public CandleImportResource(CandleImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import Binance kline arrays",
            description = "Binance's arrays as GET /api/v3/klines sends them: field 5 is the base-asset volume, field 7"
                    + " (when present) the quote-asset volume; both are kept exactly, and the USD volume is the quote"
                    + " volume rounded to cents (close × base volume when a row has no quote volume). Idempotent; bad"
                    + " rows are reported, not stored.")
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
            @PathParam("symbol") String symbol,
            @QueryParam("timeframe") String timeframe,
            @RequestBody(
                            description = "The JSON text of an array of Binance kline arrays, at most 2 MiB",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_BODY_LENGTH)))
                    String body) {
        return imports.importJson(symbol, timeframe, body);
    }

    @POST
    @Consumes("text/csv")
    @Operation(
            summary = "Import CSV candles",
            description = "Rows in the column order of Binance's kline files: open_time,open,high,low,close,volume"
                    + "[,close_time,quote_volume,…]. open_time in epoch ms, epoch µs or ISO-8601; the sixth column is"
                    + " the base-asset volume, the eighth (when present) the quote-asset volume; the USD volume is the"
                    + " quote volume rounded to cents, or close × base volume without one. A header line starting"
                    + " with open_time is skipped.")
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
            @PathParam("symbol") String symbol,
            @QueryParam("timeframe") String timeframe,
            @RequestBody(
                            description = "CSV rows, at most 2 MiB",
                            content =
                                    @Content(
                                            mediaType = "text/csv",
                                            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_BODY_LENGTH)))
                    String body) {
        return imports.importCsv(symbol, timeframe, body);
    }
}
