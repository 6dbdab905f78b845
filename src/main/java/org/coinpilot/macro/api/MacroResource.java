package org.coinpilot.macro.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.macro.service.DominanceService;
import org.coinpilot.macro.service.MacroIndicatorService;
import org.coinpilot.macro.service.MacroOverviewService;
import org.coinpilot.macro.service.RegimeService;
import org.coinpilot.macro.service.SentimentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public macro data (layer 1): the overview and the history of each daily series. */
@Path("/api/v1/macro")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Macro")
public class MacroResource {

    private static final String PAGING = "With `from` (or a cursor) pages forward, oldest first (pass `nextCursor` as"
            + " `cursor`); without, the newest `limit` days before `to`.";

    private final MacroOverviewService overview;
    private final SentimentService sentiment;
    private final DominanceService dominance;
    private final MacroIndicatorService indicators;
    private final RegimeService regimes;

    public MacroResource(
            MacroOverviewService overview,
            SentimentService sentiment,
            DominanceService dominance,
            MacroIndicatorService indicators,
            RegimeService regimes) {
        this.overview = overview;
        this.sentiment = sentiment;
        this.dominance = dominance;
        this.indicators = indicators;
        this.regimes = regimes;
    }

    @GET
    @Path("/overview")
    @Operation(
            summary = "Macro overview",
            description = "The newest regime with its explanation, Fear & Greed, dominance and the key macro values,"
                    + " each with its as-of time and whether it is stale. A provider outage leaves the last good value,"
                    + " marked stale.")
    @APIResponse(responseCode = "200", description = "The overview")
    public Uni<MacroOverviewResponse> overview() {
        return overview.overview();
    }

    @GET
    @Path("/sentiment")
    @Operation(summary = "Fear & Greed history", description = PAGING)
    @APIResponse(responseCode = "200", description = "One page of days")
    @APIResponse(
            responseCode = "400",
            description = "Bad from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CursorPage<SentimentResponse>> sentiment(@Valid @BeanParam SeriesQuery query) {
        return sentiment.history(query);
    }

    @GET
    @Path("/dominance")
    @Operation(summary = "Dominance history", description = PAGING)
    @APIResponse(responseCode = "200", description = "One page of days")
    @APIResponse(
            responseCode = "400",
            description = "Bad from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CursorPage<DominanceResponse>> dominance(@Valid @BeanParam SeriesQuery query) {
        return dominance.history(query);
    }

    @GET
    @Path("/regimes")
    @Operation(summary = "Market regime history", description = PAGING)
    @APIResponse(responseCode = "200", description = "One page of days")
    @APIResponse(
            responseCode = "400",
            description = "Bad from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CursorPage<RegimeResponse>> regimes(@Valid @BeanParam SeriesQuery query) {
        return regimes.history(query);
    }

    @GET
    @Path("/indicators/{name}")
    @Operation(summary = "History of a macro indicator", description = PAGING + " Holidays have no value.")
    @APIResponse(responseCode = "200", description = "One page of days")
    @APIResponse(
            responseCode = "400",
            description = "Bad name, from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No value is stored for this indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CursorPage<MacroIndicatorResponse>> indicator(
            @PathParam("name") @Size(max = 64) String name, @Valid @BeanParam SeriesQuery query) {
        return indicators.history(name, query);
    }
}
