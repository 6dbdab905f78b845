package org.coinpilot.recommendation.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.Roles;
import org.coinpilot.recommendation.service.RecommendationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's recommendations (docs/recommendations.md). Other users' ids are 404. */
@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Recommendations")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class RecommendationsResource {

    private final RecommendationService recommendations;
    private final CurrentUser currentUser;

    public RecommendationsResource(RecommendationService recommendations, CurrentUser currentUser) {
        this.recommendations = recommendations;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Your recommendations", description = "Newest first, filtered by status, type and priority.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(
            responseCode = "400",
            description = "Invalid query parameter (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<RecommendationResponse>> list(
            @Valid @BeanParam RecommendationQuery query, @Valid @BeanParam PageQuery page) {
        return recommendations.list(currentUser.userId(), query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your recommendations")
    @APIResponse(responseCode = "200", description = "The recommendation")
    @APIResponse(
            responseCode = "404",
            description = "You have no recommendation with this id (RECOMMENDATION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecommendationResponse> get(@PathParam("id") long id) {
        return recommendations.get(currentUser.userId(), id);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move a recommendation along its lifecycle",
            description = "PENDING → APPROVED, REJECTED or IGNORED; APPROVED → FOLLOWED or IMPLEMENTED. Anything else"
                    + " (and acting on an expired one) is a 409 naming the current and requested status.")
    @APIResponse(responseCode = "200", description = "The recommendation in its new state")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no recommendation with this id (RECOMMENDATION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The lifecycle does not allow it (ILLEGAL_TRANSITION, RECOMMENDATION_EXPIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecommendationResponse> transition(@PathParam("id") long id, @Valid @NotNull TransitionRequest request) {
        return recommendations.transition(currentUser.userId(), id, request);
    }

    @PUT
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rate a recommendation",
            description = "Feedback text and a 1–5 rating; replaces earlier feedback.")
    @APIResponse(responseCode = "200", description = "The recommendation with its feedback")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no recommendation with this id (RECOMMENDATION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecommendationResponse> feedback(@PathParam("id") long id, @Valid @NotNull FeedbackRequest request) {
        return recommendations.feedback(currentUser.userId(), id, request);
    }
}
