package org.coinpilot.portfolio.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.coinpilot.portfolio.domain.TradeStatus;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the owner's positions; absent means any. */
public class PositionQuery {

    @QueryParam("status")
    @Parameter(description = "Only positions in this state, e.g. OPEN or CLOSED")
    public TradeStatus status;

    @QueryParam("symbol")
    @Size(max = 32)
    @Parameter(description = "Only positions of this asset symbol")
    public String symbol;
}
