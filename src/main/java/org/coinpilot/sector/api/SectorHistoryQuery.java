package org.coinpilot.sector.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A time-series query (performance history, rotations), parsed and checked by the service so that a bad value is a
 * 400 naming its parameter. With {@code from} (or a cursor) it pages forward; without, the newest {@code limit}
 * before {@code to}.
 */
public class SectorHistoryQuery {

    @QueryParam("from")
    @Size(max = 40)
    @Parameter(description = "ISO-8601 instant, inclusive. Without it, the newest rows before `to` are returned")
    public String from;

    @QueryParam("to")
    @Size(max = 40)
    @Parameter(description = "ISO-8601 instant, exclusive")
    public String to;

    @QueryParam("limit")
    @Size(max = 10)
    @Parameter(description = "1 to 1000 (default 100)")
    public String limit;

    @QueryParam("cursor")
    @Size(max = 64)
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;
}
