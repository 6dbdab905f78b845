package org.coinpilot.market.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters and sort of the asset list. */
public class AssetQuery {

    @QueryParam("active")
    @Parameter(description = "Only listed (true) or delisted (false) assets")
    public Boolean active;

    @QueryParam("supported")
    @Parameter(description = "Only assets whose candles are ingested (true) or not (false)")
    public Boolean supported;

    @QueryParam("q")
    @Size(max = 64, message = "must be at most 64 characters")
    @Parameter(description = "Text in the symbol or name, case-insensitive")
    public String q;

    @QueryParam("sector")
    @Size(max = 100, message = "must be at most 100 characters")
    @jakarta.validation.constraints.Pattern(
            regexp = "^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$",
            message = "must be a sector slug such as defi, or a sector id")
    @Parameter(
            description = "Only members of this sector: its slug (e.g. layer-1-l1, any case) or its id"
                    + " (GET /api/v1/sectors); an unknown sector gives an empty list")
    public String sector;

    @QueryParam("sort")
    @Parameter(
            description =
                    "rank, volume, marketCap, change24h, change7d, change30d, symbol; - for descending (default rank)")
    public String sort;
}
