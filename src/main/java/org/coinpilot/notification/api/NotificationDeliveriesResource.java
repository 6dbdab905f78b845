package org.coinpilot.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.notification.service.DeliveryLogService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log of one of your notifications. */
@Path("/api/v1/notifications/{id: \\d+}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Notifications")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class NotificationDeliveriesResource {

    private final DeliveryLogService log;

    public NotificationDeliveriesResource(DeliveryLogService log) {
        this.log = log;
    }

    @GET
    @Operation(
            summary = "Delivery log of a notification",
            description =
                    "Its webhook and email deliveries (status, attempts, next attempt, error) with every attempt.")
    @APIResponse(responseCode = "200", description = "The deliveries, one per channel")
    @APIResponse(
            responseCode = "404",
            description = "You have no notification with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationDeliveriesResponse> deliveries(@PathParam("id") long id) {
        return log.deliveries(id);
    }
}
