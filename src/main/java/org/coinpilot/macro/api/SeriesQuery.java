package org.coinpilot.macro.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Query of a daily macro series, as candles are paged: with {@code from} (or a cursor) forward by keyset, oldest
 * first; without, the newest {@code limit} days before {@code to}. Parsed by the service, so that a bad value is a 400
 * naming its parameter.
 */
public class SeriesQuery {

    @QueryParam("from")
    @Size(max = 40, message = "must be at most 40 characters")
    @Parameter(description = "ISO-8601 instant or YYYY-MM-DD, inclusive (days from its UTC day on)")
    public String from;

    @QueryParam("to")
    @Size(max = 40, message = "must be at most 40 characters")
    @Parameter(description = "ISO-8601 instant or YYYY-MM-DD, exclusive")
    public String to;

    @QueryParam("limit")
    @Size(max = 10, message = "must be at most 10 characters")
    @Parameter(description = "1 to 1000 (default 100)")
    public String limit;

    @QueryParam("cursor")
    @Size(max = 64, message = "must be at most 64 characters")
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;
}
