package org.coinpilot.identity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.coinpilot.identity.service.AdminUserService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin: user accounts and service clients. */
@Path("/api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: users")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(
        responseCode = "404",
        description = "No user has this id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminUsersResource {

    private final AdminUserService users;

    public AdminUsersResource(AdminUserService users) {
        this.users = users;
    }

    @GET
    @Operation(
            summary = "List users",
            description = "Filter by role, active, verified, plan, deleted and text; sort; paged.")
    @APIResponse(responseCode = "200", description = "One page of users")
    public Uni<PageResponse<AdminUserResponse>> list(
            @Valid @BeanParam AdminUserQuery query, @Valid @BeanParam PageQuery page) {
        return users.list(query, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a user")
    @APIResponse(responseCode = "200", description = "The user")
    public Uni<AdminUserResponse> get(@PathParam("id") long id) {
        return users.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a user",
            description = "Role, active, notes, subscription plan and expiry, account balance. A role change or "
                    + "active=false revokes the user's sessions (their tokens carry the old role).")
    @APIResponse(responseCode = "200", description = "The updated user")
    @APIResponse(
            responseCode = "422",
            description = "You cannot change your own role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AdminUserResponse> update(@PathParam("id") long id, @Valid @NotNull AdminUpdateUserRequest request) {
        return users.update(id, request);
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(
            summary = "Deactivate a user",
            description = "Soft delete recording the admin in deleted_by; revokes every session.")
    @APIResponse(responseCode = "200", description = "The deactivated user")
    @APIResponse(
            responseCode = "422",
            description = "You cannot deactivate yourself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AdminUserResponse> deactivate(@PathParam("id") long id) {
        return users.deactivate(id);
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deactivated or deleted user")
    @APIResponse(responseCode = "200", description = "The restored user")
    public Uni<AdminUserResponse> restore(@PathParam("id") long id) {
        return users.restore(id);
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(summary = "Unlock a user", description = "Clears the lockout and the failed-login counter.")
    @APIResponse(responseCode = "200", description = "The unlocked user")
    public Uni<AdminUserResponse> unlock(@PathParam("id") long id) {
        return users.unlock(id);
    }

    @POST
    @Path("/service-clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a service client",
            description = "A machine client (role service) that gets access tokens from POST /api/v1/auth/token with "
                    + "grant type client_credentials. The secret is returned this once.")
    @APIResponse(
            responseCode = "201",
            description = "The client id and secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ServiceClientResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "A client with this name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ServiceClientResponse>> createServiceClient(@Valid @NotNull ServiceClientRequest request) {
        return users.createServiceClient(request)
                .map(created -> RestResponse.ResponseBuilder.<ServiceClientResponse>created(
                                URI.create("/api/v1/admin/users/" + created.userId()))
                        .entity(created)
                        .build());
    }
}
