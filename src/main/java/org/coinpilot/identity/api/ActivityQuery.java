package org.coinpilot.identity.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the activity lists. */
public class ActivityQuery {

    static final String CODE = "[a-z][a-z0-9_]{0,49}";

    @QueryParam("type")
    @Pattern(regexp = CODE, message = "must be a lowercase snake_case code")
    @Parameter(description = "Activity type, e.g. login")
    public String type;

    @QueryParam("entityType")
    @Pattern(regexp = CODE, message = "must be a lowercase snake_case code")
    @Parameter(description = "Entity type, e.g. user or watchlist")
    public String entityType;

    @QueryParam("entityId")
    @Parameter(description = "Entity id")
    public Long entityId;

    @QueryParam("action")
    @Pattern(regexp = CODE, message = "must be a lowercase snake_case code")
    @Parameter(description = "create, update, delete, ...")
    public String action;

    // from and to are text, parsed by the service: a typed parameter that fails to parse would be a 404
    @QueryParam("from")
    @Parameter(description = "From this instant (inclusive), ISO-8601; before to")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Until this instant (exclusive), ISO-8601")
    public String to;
}
