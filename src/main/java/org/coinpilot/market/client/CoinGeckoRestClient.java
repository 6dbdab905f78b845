package org.coinpilot.market.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** CoinGecko API v3; base URL {@code quarkus.rest-client."coingecko".url} (ends with {@code /api/v3}). */
@RegisterRestClient(configKey = "coingecko")
@Produces(MediaType.APPLICATION_JSON)
interface CoinGeckoRestClient {

    @GET
    @Path("/coins/markets")
    Uni<Response> markets(
            @RestQuery("vs_currency") String vsCurrency,
            @RestQuery String order,
            @RestQuery("per_page") int perPage,
            @RestQuery int page,
            @RestQuery("price_change_percentage") String priceChangePercentage);

    @GET
    @Path("/coins/{id}")
    Uni<Response> coin(
            @RestPath String id,
            @RestQuery String localization,
            @RestQuery String tickers,
            @RestQuery("market_data") String marketData,
            @RestQuery("community_data") String communityData,
            @RestQuery("developer_data") String developerData);

    @GET
    @Path("/coins/categories")
    Uni<Response> categories();
}
