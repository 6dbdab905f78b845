package org.coinpilot.identity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
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
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.identity.service.AccountService;
import org.coinpilot.identity.service.ActivityService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account: profile, password, sessions, referrals, activities. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class MeResource {

    private final AccountService account;
    private final ActivityService activities;

    public MeResource(AccountService account, ActivityService activities) {
        this.account = account;
        this.activities = activities;
    }

    @GET
    @Operation(summary = "Your account")
    @APIResponse(responseCode = "200", description = "Your account")
    public Uni<MeResponse> me() {
        return account.me();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change your profile",
            description = "Names, bio, picture URL, IANA time zone, language and preferences; absent fields stay.")
    @APIResponse(responseCode = "200", description = "The updated account")
    public Uni<MeResponse> update(@Valid @NotNull UpdateMeRequest request) {
        return account.update(request);
    }

    @DELETE
    @Operation(
            summary = "Delete your account",
            description = "Soft delete: the account can no longer log in and all its sessions are revoked.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete() {
        return account.delete();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change your password",
            description = "Needs the current password; every other session is revoked.")
    @APIResponse(responseCode = "204", description = "Password changed")
    public Uni<Void> changePassword(@Valid @NotNull TokenRequestBodies.ChangePassword request) {
        return account.changePassword(request);
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "Your active sessions", description = "Newest first; current marks this token's session.")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    public Uni<PageResponse<SessionResponse>> sessions(@Valid @BeanParam PageQuery page) {
        return account.sessions(page);
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(summary = "Revoke one of your sessions")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "404",
            description = "You have no active session with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> revokeSession(@PathParam("id") long id) {
        return account.revokeSession(id);
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Your referral code and the users you referred")
    @APIResponse(responseCode = "200", description = "Code, count and one page of referred users")
    public Uni<ReferralsResponse> referrals(@Valid @BeanParam PageQuery page) {
        return account.referrals(page);
    }

    @GET
    @Path("/activities")
    @Operation(summary = "Your activity history", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of activities")
    public Uni<PageResponse<ActivityResponse>> activities(
            @Valid @BeanParam ActivityQuery query, @Valid @BeanParam PageQuery page) {
        return activities.listOwn(query, page);
    }
}
