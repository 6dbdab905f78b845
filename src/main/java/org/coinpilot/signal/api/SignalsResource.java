package org.coinpilot.signal.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.signal.service.SignalService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Trading signals (docs/signals.md): generated from predictions, indicators and the regime, and scored afterwards.
 * Signals are not user-owned: every authenticated user reads all of them.
 */
@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Signals")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class SignalsResource {

    private final SignalService signals;

    public SignalsResource(SignalService signals) {
        this.signals = signals;
    }

    @GET
    @Operation(summary = "Signals", description = "Newest first; filtered by asset, status, type and creation time.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(
            responseCode = "400",
            description = "A bad filter or paging parameter (VALIDATION_FAILED), naming it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageResponse<SignalResponse>> list(
            @Valid @BeanParam SignalQuery query, @Valid @BeanParam PageQuery page) {
        return signals.list(query, page);
    }

    @GET
    @Path("/performance")
    @Operation(
            summary = "Track record",
            description = "Scored signals by model version, and by model version and the regime when they were made:"
                    + " count, target / stop / neither, win rate (target hit first), average return.")
    @APIResponse(responseCode = "200", description = "The track record")
    public Uni<SignalPerformanceResponse> performance() {
        return signals.performance();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One signal")
    @APIResponse(responseCode = "200", description = "The signal")
    @APIResponse(
            responseCode = "404",
            description = "No signal has this id (SIGNAL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SignalResponse> get(@PathParam("id") long id) {
        return signals.get(id);
    }
}
