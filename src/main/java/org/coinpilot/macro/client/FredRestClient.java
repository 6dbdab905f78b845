package org.coinpilot.macro.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** FRED; base URL {@code quarkus.rest-client."fred".url} (https://api.stlouisfed.org). */
@RegisterRestClient(configKey = "fred")
@Produces(MediaType.APPLICATION_JSON)
interface FredRestClient {

    @GET
    @Path("/fred/series/observations")
    Uni<Response> observations(
            @RestQuery("series_id") String seriesId,
            @RestQuery("api_key") String apiKey,
            @RestQuery("file_type") String fileType,
            @RestQuery("observation_start") String observationStart);
}
