package org.coinpilot.portfolio.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.coinpilot.common.openapi.ApiDefinition;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.security.Roles;
import org.coinpilot.portfolio.service.JournalService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's trade journal as a whole: statistics and CSV export (docs/portfolio.md). */
@Path("/api/v1/portfolio/journal")
@RolesAllowed({Roles.PUBLIC, Roles.ADMIN})
@Tag(name = "Portfolio")
@SecurityRequirement(name = ApiDefinition.BEARER)
public class JournalResource {

    static final String CSV = "text/csv";

    private final JournalService journal;
    private final CurrentUser currentUser;

    public JournalResource(JournalService journal, CurrentUser currentUser) {
        this.journal = journal;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Statistics of your closed trades",
            description = "Win rate, average win / loss, profit factor, expectancy, average R; overall and by setup,"
                    + " emotion, market sentiment, timeframe and source; each trade's excursions from stored hourly"
                    + " candles.")
    @APIResponse(responseCode = "200", description = "The statistics")
    public Uni<JournalStatisticsResponse> statistics() {
        return journal.statistics(currentUser.userId());
    }

    @GET
    @Path("/export")
    @Produces(CSV)
    @Operation(summary = "Your journal as CSV", description = "One row per action, oldest first; RFC 4180.")
    @APIResponse(responseCode = "200", description = "The CSV file")
    public Uni<RestResponse<String>> export() {
        return journal.csv(currentUser.userId())
                .map(csv -> RestResponse.ResponseBuilder.ok(csv, CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"journal.csv\"")
                        .build());
    }
}
