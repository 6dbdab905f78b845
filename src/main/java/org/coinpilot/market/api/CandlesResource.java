package org.coinpilot.market.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.market.service.CandleService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public market data: candles of one asset. The service hands back the page already encoded as JSON (a
 * {@code CursorPage<CandleResponse>}, documented as {@link CandlePage}), so that a page of the hot-series cache is
 * written as it is kept, with no JSON work per request; the bytes go out as {@code application/json} like any other
 * JSON response.
 */
@Path("/api/v1/assets/{symbol}/candles")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Market data")
public class CandlesResource {

    private final CandleService candles;

    public CandlesResource(CandleService candles) {
        this.candles = candles;
    }

    @GET
    @Operation(
            summary = "Candles of an asset",
            description = "Closed candles, oldest first. With `from`, pages forward (pass `nextCursor` as `cursor`);"
                    + " without, the newest `limit` candles before `to`. Old ranges are read from the archive.")
    @APIResponse(
            responseCode = "200",
            description = "One page of candles",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CandlePage.class)))
    @APIResponse(
            responseCode = "400",
            description = "Bad timeframe, from, to, limit, cursor or include",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No asset has this symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<byte[]> candles(@PathParam("symbol") String symbol, @BeanParam CandleQuery query) {
        return candles.candles(symbol, query);
    }
}
