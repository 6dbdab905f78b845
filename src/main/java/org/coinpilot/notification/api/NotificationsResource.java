package org.coinpilot.notification.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.notification.service.NotificationService;
import org.coinpilot.notification.service.NotificationStreamService;
import org.coinpilot.notification.service.StreamEvent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The caller's notifications: list, unread count, view, read, read all, dismiss, and the live stream. Only the
 * caller's visible notifications exist here (due, not expired, not dismissed); any other id is a 404.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Notifications")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class NotificationsResource {

    private final NotificationService notifications;
    private final NotificationStreamService stream;

    public NotificationsResource(NotificationService notifications, NotificationStreamService stream) {
        this.notifications = notifications;
        this.stream = stream;
    }

    @GET
    @Operation(
            summary = "List your notifications",
            description = "Visible ones only (due, not expired, not dismissed), newest first (by when they appeared:"
                    + " scheduledFor, else createdAt); filter by status, type and priority; paged.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    public Uni<PageResponse<NotificationResponse>> list(
            @BeanParam NotificationQuery query, @Valid @BeanParam PageQuery page) {
        return notifications.list(query, page);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "Count your unread notifications", description = "Visible unread ones (the badge).")
    @APIResponse(responseCode = "200", description = "The count")
    public Uni<UnreadCountResponse> unreadCount() {
        return notifications.unreadCount();
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "Get one of your notifications")
    @APIResponse(responseCode = "200", description = "The notification")
    @APIResponse(
            responseCode = "404",
            description = "You have no visible notification with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationResponse> get(@PathParam("id") long id) {
        return notifications.get(id);
    }

    @POST
    @Path("/{id: \\d+}/read")
    @Operation(summary = "Mark a notification read", description = "Idempotent: a read one stays as it is.")
    @APIResponse(responseCode = "200", description = "The notification, read")
    @APIResponse(
            responseCode = "404",
            description = "You have no visible notification with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationResponse> markRead(@PathParam("id") long id) {
        return notifications.markRead(id);
    }

    @POST
    @Path("/read-all")
    @Operation(
            summary = "Mark all your notifications read",
            description = "Every visible unread one; scheduled ones that are not due yet stay unread.")
    @APIResponse(responseCode = "200", description = "How many were marked")
    public Uni<ReadAllResponse> markAllRead() {
        return notifications.markAllRead();
    }

    @POST
    @Path("/{id: \\d+}/dismiss")
    @Operation(
            summary = "Dismiss a notification",
            description = "It leaves lists, the unread count and the stream for good; dismissing it again is a 404.")
    @APIResponse(responseCode = "204", description = "Dismissed")
    @APIResponse(
            responseCode = "404",
            description = "You have no visible notification with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> dismiss(@PathParam("id") long id) {
        return notifications.dismiss(id);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(
            summary = "Live stream of your notifications (server-sent events)",
            description = "Each released notification of yours, from any replica, as an event named notification whose"
                    + " id is the notification id and whose data is the list item JSON. A ': connected' comment"
                    + " follows registration (and the replay), a ': heartbeat' comment comes periodically. With"
                    + " Last-Event-ID, the newest released, visible notifications above that id are replayed first."
                    + " The stream ends when the access token expires; reconnect with a fresh token and Last-Event-ID.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(
            responseCode = "429",
            description = "You already hold the most open streams allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The live stream is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Id of the last notification event received; replay what came after it",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                    @HeaderParam(NotificationStreamService.LAST_EVENT_ID)
                    String lastEventId,
            @Context Sse sse) {
        return stream.stream(lastEventId).map(event -> event(sse, event));
    }

    private static OutboundSseEvent event(Sse sse, StreamEvent event) {
        if (event.isComment()) {
            return sse.newEventBuilder().comment(event.comment()).build();
        }
        return sse.newEventBuilder()
                .id(Long.toString(event.notification().id()))
                .name(StreamEvent.EVENT_NAME)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(NotificationResponse.class, event.notification())
                .build();
    }
}
