package org.coinpilot.signal.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.signal.service.SignalService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' actions on signals (docs/signals.md "API"); audited. */
@Path("/api/v1/admin/signals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Signals")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class AdminSignalsResource {

    private final SignalService signals;

    public AdminSignalsResource(SignalService signals) {
        this.signals = signals;
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an active signal", description = "It is then neither expired nor scored.")
    @APIResponse(responseCode = "200", description = "The signal, CANCELLED")
    @APIResponse(
            responseCode = "404",
            description = "No signal has this id (SIGNAL_NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The signal is not active (SIGNAL_NOT_ACTIVE)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SignalResponse> cancel(@PathParam("id") long id) {
        return signals.cancel(id);
    }
}
