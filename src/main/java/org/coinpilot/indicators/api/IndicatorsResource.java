package org.coinpilot.indicators.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.indicators.service.IndicatorQueryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public market data: technical indicators of one asset, computed from its stored candles. */
@Path("/api/v1/assets/{symbol}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Market data")
public class IndicatorsResource {

    private final IndicatorQueryService indicators;

    public IndicatorsResource(IndicatorQueryService indicators) {
        this.indicators = indicators;
    }

    @GET
    @Operation(
            summary = "Technical indicators of an asset",
            description = "Each requested indicator over the same candles, oldest first, TA-Lib compatible"
                    + " (docs/indicators.md). Values are computed from every stored candle of the series from its"
                    + " first one, so they equal the stored ones and carry no look-back truncation; a candle before"
                    + " the warm-up has null values and `warmupSatisfied: false`. With `from`, pages forward (pass"
                    + " `nextCursor` as `cursor`); without, the newest `limit` candles before `to`.")
    @APIResponse(responseCode = "200", description = "One page of indicator series")
    @APIResponse(
            responseCode = "400",
            description = "Bad timeframe, set (unknown key or malformed parameters), from, to, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IndicatorSeriesPage> indicators(@PathParam("symbol") String symbol, @BeanParam IndicatorQuery query) {
        return indicators.series(symbol, query);
    }
}
