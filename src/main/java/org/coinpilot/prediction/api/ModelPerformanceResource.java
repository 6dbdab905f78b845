package org.coinpilot.prediction.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.prediction.service.ModelLeaderboardService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How the model versions score against what happened (docs/predictions.md "Leaderboard API"). The leaderboard holds
 * aggregate scores only (no configuration, no prediction), so signed-in users may read it too: they act on
 * recommendations built from these models and can see their track record. A version's scorecards are for operators and
 * service clients, like the registry.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE}) // the leaderboard method widens it to users
@Tag(name = "Models")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class ModelPerformanceResource {

    static final String WINDOW = "[1-9][0-9]{0,3}d|all";
    static final String WINDOW_MESSAGE = "must be Nd (1 to 9999 days) or all";

    private final ModelLeaderboardService leaderboard;

    public ModelPerformanceResource(ModelLeaderboardService leaderboard) {
        this.leaderboard = leaderboard;
    }

    @GET
    @Path("/leaderboard")
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE, Roles.PUBLIC})
    @Operation(
            summary = "Active model versions ranked by MASE",
            description = "The newest scorecard of the window (default all) of every active version, lowest MASE"
                    + " first; versions without a scored prediction last. beatsNaive: MASE below 1 on at least"
                    + " minCountToBeatNaive scored predictions.")
    @APIResponse(responseCode = "200", description = "The leaderboard")
    @APIResponse(
            responseCode = "400",
            description = "window is not a configured window, or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeaderboardResponse> leaderboard(
            @QueryParam("window") @Pattern(regexp = WINDOW, message = WINDOW_MESSAGE) String window,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return leaderboard.leaderboard(window, limit);
    }

    @GET
    @Path("/{id}/performance")
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Operation(
            summary = "A version's scorecards",
            description = "Newest as-of first (optionally one window), each with its scores, the same scores by asset"
                    + " and by regime, and the reliability table of the confidence.")
    @APIResponse(responseCode = "200", description = "The scorecards")
    @APIResponse(
            responseCode = "400",
            description = "window is not a configured window, or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No version has this id (MODEL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ScorecardResponse>> performance(
            @PathParam("id") long id,
            @QueryParam("window") @Pattern(regexp = WINDOW, message = WINDOW_MESSAGE) String window,
            @QueryParam("limit") @DefaultValue("30") @Min(1) @Max(366) int limit) {
        return leaderboard.performance(id, window, limit);
    }
}
