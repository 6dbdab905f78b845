package org.coinpilot.signal.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.SignalType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the signal list; absent means any. */
public class SignalQuery {

    @QueryParam("symbol")
    @Size(max = 32, message = "must be at most 32 characters")
    @Parameter(description = "Only signals on this asset symbol (an unknown symbol matches nothing)")
    public String symbol;

    @QueryParam("status")
    @Parameter(description = "Only this status, e.g. ACTIVE")
    public SignalStatus status;

    @QueryParam("type")
    @Parameter(description = "Only LONG or SHORT signals")
    public SignalType type;

    @QueryParam("createdFrom")
    @Size(max = 40, message = "must be at most 40 characters")
    @Parameter(description = "Made at or after this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z")
    public String createdFrom;

    @QueryParam("createdTo")
    @Size(max = 40, message = "must be at most 40 characters")
    @Parameter(description = "Made before this ISO-8601 instant (exclusive)")
    public String createdTo;
}
