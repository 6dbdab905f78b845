package org.coinpilot.ops.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the external API log. */
public class ExternalApiLogQuery {

    @QueryParam("provider")
    @Size(max = 50, message = "must be at most 50 characters")
    @Parameter(description = "Exact provider, e.g. binance")
    public String provider;

    @QueryParam("endpoint")
    @Size(max = 500, message = "must be at most 500 characters")
    @Parameter(description = "Exact endpoint, e.g. /api/v3/klines")
    public String endpoint;

    @QueryParam("from")
    @Parameter(description = "Calls made at or after this ISO-8601 instant, e.g. 2024-01-01T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Calls made before this ISO-8601 instant (exclusive)")
    public String to;

    @QueryParam("errorsOnly")
    @Parameter(description = "Only calls without a 2xx answer")
    public boolean errorsOnly;
}
