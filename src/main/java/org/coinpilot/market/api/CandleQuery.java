package org.coinpilot.market.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Query of a candle series. Parsed and checked by the service, so that every bad value is a 400 naming its
 * parameter (a typed JAX-RS parameter that fails to parse would be a 404).
 */
public class CandleQuery {

    @QueryParam("timeframe")
    @Parameter(description = "1m, 5m, 15m, 1h, 4h, 1d or 1w (default 1h)")
    public String timeframe;

    @QueryParam("from")
    @Parameter(description = "ISO-8601 instant, inclusive. Without it, the newest candles before `to` are returned")
    public String from;

    @QueryParam("to")
    @Parameter(description = "ISO-8601 instant, exclusive")
    public String to;

    @QueryParam("limit")
    @Parameter(description = "1 to 1000 (default 100)")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;

    @QueryParam("include")
    @Parameter(description = "`indicators` adds the stored technical indicators of each candle")
    public String include;
}
