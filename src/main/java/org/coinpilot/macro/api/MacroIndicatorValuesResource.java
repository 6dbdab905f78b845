package org.coinpilot.macro.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.security.Roles;
import org.coinpilot.macro.service.MacroIndicatorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins and service clients post daily macro indicator values. */
@Path("/api/v1/macro/indicators/{name}/values")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
@Tag(name = "Macro")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class MacroIndicatorValuesResource {

    private final MacroIndicatorService indicators;

    public MacroIndicatorValuesResource(MacroIndicatorService indicators) {
        this.indicators = indicators;
    }

    @POST
    @Operation(
            summary = "Post values of a macro indicator",
            description = "Daily values (at most 1000); a day posted again replaces its value. Leave market holidays"
                    + " out: they are absent, never zero.")
    @APIResponse(responseCode = "200", description = "What was inserted, updated and unchanged")
    @APIResponse(
            responseCode = "400",
            description = "Bad name or body (the violations name the field, e.g. values[3].date)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MacroImportReport> post(
            @PathParam("name") @Size(max = 64) String name, @Valid @NotNull MacroValuesRequest request) {
        return indicators.record(name, request);
    }
}
