package org.coinpilot.identity.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.coinpilot.common.validation.InstantInRange;
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

    @QueryParam("from")
    @Parameter(description = "From this instant (inclusive), ISO-8601")
    @InstantInRange
    public Instant from;

    @QueryParam("to")
    @Parameter(description = "Until this instant (exclusive), ISO-8601")
    @InstantInRange
    public Instant to;

    @AssertTrue(message = "from must be before to")
    boolean isRangeOrdered() {
        return from == null || to == null || from.isBefore(to);
    }
}
