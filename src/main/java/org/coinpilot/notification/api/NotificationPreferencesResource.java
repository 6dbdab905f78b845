package org.coinpilot.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.notification.service.PreferencesService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Your notification channels per type, webhook, email and quiet hours. */
@Path("/api/v1/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Notifications")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class NotificationPreferencesResource {

    private final PreferencesService preferences;

    public NotificationPreferencesResource(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GET
    @Operation(
            summary = "Your notification preferences",
            description = "Includes your webhook's signing secret (shown to you only).")
    @APIResponse(responseCode = "200", description = "Your notification preferences")
    public Uni<NotificationPreferencesResponse> get() {
        return preferences.get();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace your notification preferences",
            description = "Channels per notification type (webhook, email; in-app and the live stream are always on),"
                    + " webhook URL (HTTPS, public address; a new signing secret is generated when it is set or"
                    + " changed, or when rotateSecret is true), email on/off and quiet hours in your time zone."
                    + " Absent parts are reset.")
    @APIResponse(responseCode = "200", description = "The stored preferences, with the webhook secret")
    @APIResponse(
            responseCode = "400",
            description = "An invalid field, e.g. webhook.url not HTTPS or pointing at a private address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationPreferencesResponse> update(@Valid @NotNull UpdateNotificationPreferencesRequest request) {
        return preferences.update(request);
    }
}
