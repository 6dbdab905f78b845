package org.coinpilot.macro.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
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
import org.coinpilot.macro.service.DominanceService;
import org.coinpilot.macro.service.MacroIndicatorService;
import org.coinpilot.macro.service.RegimeService;
import org.coinpilot.macro.service.SentimentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin: CSV imports of the macro series (idempotent; a bad row is reported with its row number and reason and the
 * valid rows of the same body are imported) and the regime backfill.
 */
@Path("/api/v1/admin/macro")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: macro")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class MacroAdminResource {

    /** Largest CSV body accepted (characters); ten years of daily rows are about 120 KB. */
    static final int MAX_CSV = 5_000_000;

    private final SentimentService sentiment;
    private final DominanceService dominance;
    private final MacroIndicatorService indicators;
    private final RegimeService regimes;

    public MacroAdminResource(
            SentimentService sentiment,
            DominanceService dominance,
            MacroIndicatorService indicators,
            RegimeService regimes) {
        this.sentiment = sentiment;
        this.dominance = dominance;
        this.indicators = indicators;
        this.regimes = regimes;
    }

    @POST
    @Path("/sentiment/import")
    @Consumes("text/csv")
    @Operation(
            summary = "Import Fear & Greed history",
            description = "CSV with a day and a value column, and optionally the provider's label: `date,timestamp,"
                    + "value,classification`, `date,score,rating`, `Date,value`, or no header (`day,value[,label]`)."
                    + " Values 0-100; a row without a value is a missing day (not stored).")
    @APIResponse(responseCode = "200", description = "What was inserted, updated and rejected")
    @APIResponse(
            responseCode = "400",
            description = "Bad provider or body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MacroImportReport> importSentiment(
            @QueryParam("provider") @Size(max = 64) String provider, @Size(max = MAX_CSV) String body) {
        return sentiment.importCsv(body, provider);
    }

    @POST
    @Path("/dominance/import")
    @Consumes("text/csv")
    @Operation(
            summary = "Import dominance history",
            description = "CSV `date,value` (or a header naming the column) filling one column per import: `field` ="
                    + " btc_dominance (default), eth_dominance (percent, 0-100) or total_market_cap (USD). Other columns"
                    + " of a stored day are kept; alt = 100 - btc - eth once both are known.")
    @APIResponse(responseCode = "200", description = "What was inserted, updated and rejected")
    @APIResponse(
            responseCode = "400",
            description = "Bad field or body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MacroImportReport> importDominance(
            @QueryParam("field") @Size(max = 32) String field, @Size(max = MAX_CSV) String body) {
        return dominance.importCsv(body, field);
    }

    @POST
    @Path("/indicators/{name}/import")
    @Consumes("text/csv")
    @Operation(
            summary = "Import a macro indicator's history",
            description = "CSV with a day column and a value column (`date,value` as FRED, `Date,Close,…` as Yahoo,"
                    + " `date,gold_price,…` with yfinance's second header line, or no header). A row with an empty"
                    + " value (FRED's holidays) is absent, never zero.")
    @APIResponse(responseCode = "200", description = "What was inserted, updated and rejected")
    @APIResponse(
            responseCode = "400",
            description = "Bad name or body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MacroImportReport> importIndicator(
            @PathParam("name") @Size(max = 64) String name, @Size(max = MAX_CSV) String body) {
        return indicators.importCsv(name, body);
    }

    @POST
    @Path("/regimes/backfill")
    @Operation(
            summary = "Recompute the market regime over stored history",
            description = "Classifies every day from `from` to `to` (inclusive; default the whole stored history of the"
                    + " lead asset's daily candles), day by day from the data known on each day, starting from the"
                    + " regime stored for the day before `from`.")
    @APIResponse(responseCode = "200", description = "Days classified, inserted and changed")
    @APIResponse(
            responseCode = "400",
            description = "Bad from or to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "The lead asset is not in the catalogue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RegimeRunResponse> backfill(
            @QueryParam("from") @Size(max = 40) String from, @QueryParam("to") @Size(max = 40) String to) {
        return regimes.backfill(from, to)
                .map(o -> new RegimeRunResponse(
                        o.from(),
                        o.to(),
                        o.classified(),
                        o.inserted(),
                        o.updated(),
                        o.last(),
                        o.timings().readMillis(),
                        o.timings().classifyMillis(),
                        o.timings().writeMillis()));
    }
}
