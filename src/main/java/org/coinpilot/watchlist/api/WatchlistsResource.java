package org.coinpilot.watchlist.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.Roles;
import org.coinpilot.watchlist.domain.Scope;
import org.coinpilot.watchlist.service.WatchlistService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The caller's watchlists and the system default lists (docs/watchlists.md). Users read the active default lists and
 * change only their own; other users' lists are 404.
 */
@Path("/api/v1/watchlists")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Watchlists")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class WatchlistsResource {

    private final WatchlistService watchlists;
    private final CurrentUser currentUser;

    public WatchlistsResource(WatchlistService watchlists, CurrentUser currentUser) {
        this.watchlists = watchlists;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Your watchlists", description = "The active system lists first, then yours, by sortOrder.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameter (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<WatchlistSummary>> list(@Valid @BeanParam PageQuery page) {
        return watchlists.list(currentUser.userId(), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a personal watchlist")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Location",
                            description = "The list's URL",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            maxLength = 200)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WatchlistSummary.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "You have a list of this name (WATCHLIST_NAME_TAKEN)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Watchlist limit per user reached (WATCHLIST_LIMIT_REACHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<WatchlistSummary>> create(@Valid @NotNull CreateWatchlistRequest request) {
        return watchlists.create(Scope.personal(currentUser.userId()), request).map(WatchlistsResource::created);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "A watchlist with market data",
            description = "Each asset with its price, 24 h change, RSI(14), trend against SMA50/SMA200, distance from"
                    + " its high and staleness, from stored candles and indicators of the timeframe.")
    @APIResponse(
            responseCode = "200",
            description = "The watchlist",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WatchlistResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown timeframe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No list of yours or system list has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<byte[]> get(
            @PathParam("id") long id,
            @QueryParam("timeframe")
                    @Size(max = 3)
                    @Parameter(description = "1m, 5m, 15m, 1h, 4h, 1d or 1w (default 1h)")
                    String timeframe) {
        return watchlists.read(currentUser.userId(), id, timeframe);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one of your watchlists", description = "Absent fields are kept.")
    @APIResponse(responseCode = "200", description = "The changed list")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A system list (WATCHLIST_READ_ONLY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no watchlist with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Name taken, or the list changed meanwhile (STALE_VERSION)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "maxAssets below the number of assets held (WATCHLIST_MAX_BELOW_COUNT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WatchlistSummary> patch(@PathParam("id") long id, @Valid @NotNull PatchWatchlistRequest request) {
        return watchlists.patch(Scope.personal(currentUser.userId()), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of your watchlists")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "403",
            description = "A system list (WATCHLIST_READ_ONLY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no watchlist with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("id") long id) {
        return watchlists.delete(Scope.personal(currentUser.userId()), id);
    }

    @POST
    @Path("/{id}/assets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an asset to one of your watchlists", description = "At position (default: last).")
    @APIResponse(responseCode = "200", description = "The list with the new asset")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A system list (WATCHLIST_READ_ONLY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no watchlist with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The asset is already on the list (WATCHLIST_ASSET_EXISTS)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The list is full (WATCHLIST_FULL) or the symbol is unknown (UNKNOWN_ASSET)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WatchlistResponse> addAsset(@PathParam("id") long id, @Valid @NotNull AddWatchlistAssetRequest request) {
        return watchlists.addAsset(Scope.personal(currentUser.userId()), id, request);
    }

    @PATCH
    @Path("/{id}/assets/{symbol}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an asset of one of your watchlists")
    @APIResponse(responseCode = "200", description = "The list")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field (named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A system list (WATCHLIST_READ_ONLY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such list of yours, or the asset is not on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WatchlistResponse> patchAsset(
            @PathParam("id") long id,
            @PathParam("symbol") @Size(max = 32) String symbol,
            @Valid @NotNull PatchWatchlistAssetRequest request) {
        return watchlists.patchAsset(Scope.personal(currentUser.userId()), id, symbol, request);
    }

    @DELETE
    @Path("/{id}/assets/{symbol}")
    @Operation(summary = "Remove an asset from one of your watchlists", description = "Later assets move up one.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "400",
            description = "Invalid path parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A system list (WATCHLIST_READ_ONLY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such list of yours, or the asset is not on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> removeAsset(@PathParam("id") long id, @PathParam("symbol") @Size(max = 32) String symbol) {
        return watchlists.removeAsset(Scope.personal(currentUser.userId()), id, symbol);
    }

    @PUT
    @Path("/{id}/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reorder one of your watchlists", description = "Every symbol of the list exactly once.")
    @APIResponse(responseCode = "200", description = "The list in its new order")
    @APIResponse(
            responseCode = "400",
            description = "Not every symbol exactly once (symbols)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A system list (WATCHLIST_READ_ONLY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "You have no watchlist with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WatchlistResponse> reorder(@PathParam("id") long id, @Valid @NotNull ReorderWatchlistRequest request) {
        return watchlists.reorder(Scope.personal(currentUser.userId()), id, request);
    }

    static RestResponse<WatchlistSummary> created(WatchlistSummary created) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(URI.create("/api/v1/watchlists/" + created.id()))
                .build();
    }
}
