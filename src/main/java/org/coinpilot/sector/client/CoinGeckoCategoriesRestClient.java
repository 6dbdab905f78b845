package org.coinpilot.sector.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** CoinGecko API v3 coin details; the same base URL as market's client, {@code quarkus.rest-client."coingecko".url}. */
@RegisterRestClient(configKey = "coingecko")
@Produces(MediaType.APPLICATION_JSON)
interface CoinGeckoCategoriesRestClient {

    @GET
    @Path("/coins/{id}")
    Uni<Response> coin(
            @RestPath String id,
            @RestQuery String localization,
            @RestQuery String tickers,
            @RestQuery("market_data") String marketData,
            @RestQuery("community_data") String communityData,
            @RestQuery("developer_data") String developerData);
}
