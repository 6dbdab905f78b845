package org.coinpilot.portfolio.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.Roles;
import org.coinpilot.portfolio.service.PortfolioSummaryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's book as a whole: value, PnL, allocation, returns and daily history (docs/portfolio.md). */
@Path("/api/v1/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Portfolio")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class PortfolioResource {

    private final PortfolioSummaryService summaries;
    private final CurrentUser currentUser;

    public PortfolioResource(PortfolioSummaryService summaries, CurrentUser currentUser) {
        this.summaries = summaries;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/summary")
    @Operation(
            summary = "Your book at the latest stored prices, with its returns",
            description = "Value, unrealized and realized PnL, fees, allocation against targets; time-weighted, money-"
                    + "weighted (XIRR) and on-average-investment returns over the period, each with its explanation.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(
            responseCode = "400",
            description = "Invalid from / to (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PortfolioSummaryResponse> summary(
            @QueryParam("from") @Size(max = 10) @Parameter(description = "First UTC day (default: first action)")
                    String from,
            @QueryParam("to") @Size(max = 10) @Parameter(description = "Last UTC day, before today (default yesterday)")
                    String to) {
        return summaries.summary(currentUser.userId(), from, to);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Your book's value at the end of each day", description = "From stored daily closes.")
    @APIResponse(responseCode = "200", description = "The days")
    @APIResponse(
            responseCode = "400",
            description = "Invalid from / to (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PortfolioHistoryResponse> history(
            @QueryParam("from") @Size(max = 10) @Parameter(description = "First UTC day (default: first action)")
                    String from,
            @QueryParam("to") @Size(max = 10) @Parameter(description = "Last UTC day, before today (default yesterday)")
                    String to) {
        return summaries.history(currentUser.userId(), from, to);
    }
}
