package org.coinpilot.portfolio.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.Roles;
import org.coinpilot.portfolio.service.PortfolioService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's positions and their trade journals (docs/portfolio.md). Other users' ids are 404. */
@Path("/api/v1/portfolio/positions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Portfolio")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class PositionsResource {

    private final PortfolioService portfolio;
    private final CurrentUser currentUser;

    public PositionsResource(PortfolioService portfolio, CurrentUser currentUser) {
        this.portfolio = portfolio;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a position record", description = "Quantity 0 until its first BUY / ENTRY action.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "The position's URL",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            maxLength = 200)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PositionResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown catalogue symbol (UNKNOWN_ASSET)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PositionResponse>> create(@Valid @NotNull CreatePositionRequest request) {
        return portfolio
                .createPosition(currentUser.userId(), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .location(URI.create("/api/v1/portfolio/positions/" + created.id()))
                        .build());
    }

    @GET
    @Operation(summary = "Your positions", description = "Newest first, filtered by status and symbol.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(
            responseCode = "400",
            description = "Invalid query parameter (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<PositionResponse>> list(
            @Valid @BeanParam PositionQuery query, @Valid @BeanParam PageQuery page) {
        return portfolio.listPositions(currentUser.userId(), query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your positions")
    @APIResponse(responseCode = "200", description = "The position")
    @APIResponse(
            responseCode = "404",
            description = "You have no position with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PositionResponse> get(@PathParam("id") long id) {
        return portfolio.getPosition(currentUser.userId(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a position's plan",
            description = "Targets, thesis, stop, leverage; absent fields are kept.")
    @APIResponse(responseCode = "200", description = "The position")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no position with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The position changed meanwhile (STALE_VERSION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PositionResponse> patch(@PathParam("id") long id, @Valid @NotNull PatchPositionRequest request) {
        return portfolio.patchPosition(currentUser.userId(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a position and its journal")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "You have no position with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("id") long id) {
        return portfolio.deletePosition(currentUser.userId(), id);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a trade action",
            description = "Replays the position's journal with it (docs/portfolio.md, Ledger); concurrent actions on"
                    + " one position are applied one after the other.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded, with the position after it",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "The action's URL",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            maxLength = 200)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecordedTradeAction.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no position with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "The journal cannot take it (INSUFFICIENT_QUANTITY, POSITION_CLOSED, QUANTITY_*, UNKNOWN_SIGNAL, …;"
                            + " violations name the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RecordedTradeAction>> record(
            @PathParam("id") long id, @Valid @NotNull TradeActionRequest request) {
        return portfolio
                .recordAction(currentUser.userId(), id, request)
                .map(recorded -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, recorded)
                        .location(URI.create("/api/v1/portfolio/positions/" + id + "/actions/"
                                + recorded.action().id()))
                        .build());
    }

    @GET
    @Path("/{id}/actions")
    @Operation(summary = "A position's journal", description = "In replay order: executedAt, then id.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no position with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<TradeActionResponse>> actions(@PathParam("id") long id, @Valid @BeanParam PageQuery page) {
        return portfolio.listActions(currentUser.userId(), id, page);
    }

    @GET
    @Path("/{id}/actions/{actionId}")
    @Operation(summary = "One action of a position's journal")
    @APIResponse(responseCode = "200", description = "The action")
    @APIResponse(
            responseCode = "404",
            description = "No such position of yours, or no such action on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TradeActionResponse> action(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        return portfolio.getAction(currentUser.userId(), id, actionId);
    }

    @PUT
    @Path("/{id}/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a past action", description = "Replaces all its fields and replays the journal.")
    @APIResponse(responseCode = "200", description = "The action and the position after the replay")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such position of yours, or no such action on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The corrected journal cannot be applied (violations name the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecordedTradeAction> replaceAction(
            @PathParam("id") long id,
            @PathParam("actionId") long actionId,
            @Valid @NotNull TradeActionRequest request) {
        return portfolio.replaceAction(currentUser.userId(), id, actionId, request);
    }

    @DELETE
    @Path("/{id}/actions/{actionId}")
    @Operation(summary = "Delete a past action", description = "Replays the journal without it; answers the position.")
    @APIResponse(responseCode = "200", description = "The position after the replay")
    @APIResponse(
            responseCode = "404",
            description = "No such position of yours, or no such action on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The journal without it cannot be applied (e.g. a later sell would exceed the quantity)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PositionResponse> deleteAction(@PathParam("id") long id, @PathParam("actionId") long actionId) {
        return portfolio.deleteAction(currentUser.userId(), id, actionId);
    }
}
