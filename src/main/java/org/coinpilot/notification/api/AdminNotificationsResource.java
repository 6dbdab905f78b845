package org.coinpilot.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.security.Roles;
import org.coinpilot.notification.service.NotificationBroadcastService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin: system notifications to many users. */
@Path("/api/v1/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: notifications")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminNotificationsResource {

    private final NotificationBroadcastService broadcasts;

    public AdminNotificationsResource(NotificationBroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    @POST
    @Path("/broadcast")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Broadcast a system notification",
            description = "One SYSTEM notification per active user of the audience, written in one statement. Send an"
                    + " Idempotency-Key: a retry with the same key creates nothing twice (created = 0). Due ones are"
                    + " released at once (live stream, delivery); scheduled ones by the notifications.release job.")
    @APIResponse(
            responseCode = "202",
            description = "Created; delivery follows",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BroadcastResponse.class)))
    public Uni<RestResponse<BroadcastResponse>> broadcast(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Client-chosen id of this broadcast (1-100 of A-Z a-z 0-9 . _ : -); retries"
                                    + " with the same key do not duplicate",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            minLength = 1,
                                            maxLength = 100,
                                            pattern = "^[A-Za-z0-9._:-]{1,100}$"))
                    @HeaderParam(NotificationBroadcastService.IDEMPOTENCY_HEADER)
                    String idempotencyKey,
            @Valid @NotNull BroadcastRequest request) {
        return broadcasts
                .broadcast(request, idempotencyKey)
                .map(response -> RestResponse.status(RestResponse.Status.ACCEPTED, response));
    }
}
