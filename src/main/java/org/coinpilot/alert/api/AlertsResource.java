package org.coinpilot.alert.api;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.alert.service.AlertService;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's alert rules (docs/alerts.md). Other users' alerts are 404. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Alerts")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AlertsResource {

    private final AlertService alerts;
    private final CurrentUser currentUser;

    public AlertsResource(AlertService alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an alert",
            description = "Armed from now: only candles that close after its creation can fire it.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            description = "The alert's URL",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AlertResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations), including an unknown symbol",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Alert limit per user reached (ALERT_LIMIT_REACHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<AlertResponse>> create(@Valid @NotNull CreateAlertRequest request) {
        return alerts.create(currentUser.userId(), request)
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .location(URI.create("/api/v1/alerts/" + created.id()))
                        .build());
    }

    @GET
    @Operation(summary = "Your alerts", description = "Newest first, filtered by active, triggered, type and symbol.")
    @APIResponse(responseCode = "200", description = "One page")
    public Uni<PageResponse<AlertResponse>> list(@BeanParam AlertQuery query, @Valid @BeanParam PageQuery page) {
        return alerts.list(currentUser.userId(), query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your alerts")
    @APIResponse(responseCode = "200", description = "The alert")
    @APIResponse(
            responseCode = "404",
            description = "You have no alert with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AlertResponse> get(@PathParam("id") long id) {
        return alerts.get(currentUser.userId(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change one of your alerts",
            description = "Absent fields are kept. Changing the condition or switching it on again re-arms it.")
    @APIResponse(responseCode = "200", description = "The changed alert")
    @APIResponse(
            responseCode = "404",
            description = "You have no alert with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The alert changed meanwhile (e.g. it fired); read it again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AlertResponse> patch(@PathParam("id") long id, @Valid @NotNull PatchAlertRequest request) {
        return alerts.patch(currentUser.userId(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of your alerts", description = "Its notifications are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "You have no alert with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("id") long id) {
        return alerts.delete(currentUser.userId(), id);
    }
}
