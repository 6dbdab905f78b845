package org.coinpilot.identity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.security.Roles;
import org.coinpilot.identity.service.ActivityService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: the audit trail of every user. */
@Path("/api/v1/admin/activities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: users")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminActivitiesResource {

    private final ActivityService activities;

    public AdminActivitiesResource(ActivityService activities) {
        this.activities = activities;
    }

    @GET
    @Operation(
            summary = "List activities",
            description = "Newest first; filter by user, type, entity, action and time.")
    @APIResponse(responseCode = "200", description = "One page of activities")
    public Uni<PageResponse<ActivityResponse>> list(
            @QueryParam("userId") @Parameter(description = "Only this user's activities") Long userId,
            @Valid @BeanParam ActivityQuery query,
            @Valid @BeanParam PageQuery page) {
        return activities.listAll(userId, query, page);
    }
}
