package org.coinpilot.prediction.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.prediction.service.PredictionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The prediction ledger (docs/predictions.md "Predictions"). External models post predictions with a service-client
 * token only: a prediction must come from a model pipeline, so an operator (admin) cannot type one in. Operators and
 * service clients read the ledger; end users do not (they see signals and recommendations built on it).
 */
@Path("/api/v1/predictions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
@Tag(name = "Predictions")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class PredictionsResource {

    private final PredictionService predictions;

    public PredictionsResource(PredictionService predictions) {
        this.predictions = predictions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE) // narrower than the class: an admin may read the ledger, not post to it
    @Operation(
            summary = "Post an external model's prediction",
            description = "Service clients only. The version must be registered; the target is the close of a candle"
                    + " of the version's timeframe, after now and at most predictionHorizon candles ahead.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The prediction's URL",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictionResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The version already predicted this target of the asset at this horizon (PREDICTION_EXISTS)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown version or asset, or a target that does not fit (PREDICTION_INVALID, naming fields)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PredictionResponse>> create(@Valid @NotNull CreatePredictionRequest request) {
        return predictions
                .create(request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .location(URI.create("/api/v1/predictions/" + created.id()))
                        .build());
    }

    @GET
    @Operation(summary = "The ledger", description = "Newest first; filtered by model version, asset, realized, time.")
    @APIResponse(responseCode = "200", description = "One page")
    public Uni<PageResponse<PredictionResponse>> list(
            @Valid @BeanParam PredictionQuery query, @Valid @BeanParam PageQuery page) {
        return predictions.list(query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A prediction's full record", description = "Scoring fields are null until it is scored.")
    @APIResponse(responseCode = "200", description = "The prediction")
    @APIResponse(
            responseCode = "404",
            description = "No prediction has this id (PREDICTION_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PredictionResponse> get(@PathParam("id") long id) {
        return predictions.get(id);
    }
}
