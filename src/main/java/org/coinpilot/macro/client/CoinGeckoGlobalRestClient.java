package org.coinpilot.macro.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** CoinGecko {@code /global}; base URL {@code quarkus.rest-client."coingecko-global".url} (ends with {@code /api/v3}). */
@RegisterRestClient(configKey = "coingecko-global")
@Produces(MediaType.APPLICATION_JSON)
interface CoinGeckoGlobalRestClient {

    @GET
    @Path("/global")
    Uni<Response> global();
}
