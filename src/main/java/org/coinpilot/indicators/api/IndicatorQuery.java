package org.coinpilot.indicators.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Query of indicator series. Parsed and checked by the service, so that every bad value is a 400 naming its
 * parameter.
 */
public class IndicatorQuery {

    @QueryParam("timeframe")
    @Parameter(description = "1m, 5m, 15m, 1h, 4h, 1d or 1w (default 1h)")
    public String timeframe;

    @QueryParam("set")
    @Parameter(
            description = "Comma-separated indicator keys, e.g. `rsi_14,macd_12_26_9,bb_20_2` (at most 20; default:"
                    + " the stored set); VWAP: `vwap` (session), `vwap_20` (rolling), `avwap_20240101` or"
                    + " `avwap_20240101t0830` (anchored at that UTC instant). Unknown keys and malformed parameters are"
                    + " a 400 naming `set`")
    public String set;

    @QueryParam("from")
    @Parameter(description = "ISO-8601 instant, inclusive. Without it, the newest points before `to` are returned")
    public String from;

    @QueryParam("to")
    @Parameter(description = "ISO-8601 instant, exclusive")
    public String to;

    @QueryParam("limit")
    @Parameter(description = "Points per indicator, 1 to 1000 (default 100)")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;
}
