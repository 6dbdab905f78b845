package org.coinpilot.alert.api;

import jakarta.ws.rs.QueryParam;
import org.coinpilot.alert.domain.AlertType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the owner's alert list; absent means any. */
public class AlertQuery {

    @QueryParam("active")
    @Parameter(description = "Only active (true) or switched-off (false) alerts")
    public Boolean active;

    @QueryParam("triggered")
    @Parameter(description = "Only triggered (true) or not triggered (false) alerts")
    public Boolean triggered;

    @QueryParam("type")
    @Parameter(description = "Only this alert type, e.g. PRICE_TARGET")
    public AlertType type;

    @QueryParam("symbol")
    @Parameter(description = "Only alerts on this asset symbol")
    public String symbol;
}
