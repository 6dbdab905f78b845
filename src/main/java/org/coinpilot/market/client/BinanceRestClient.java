package org.coinpilot.market.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Binance Spot public market data; base URL {@code quarkus.rest-client."binance".url}. Paths sit on the methods: a
 * class-level {@code @Path} would make ArchitectureTest treat this client as a published resource.
 */
@RegisterRestClient(configKey = "binance")
@Produces(MediaType.APPLICATION_JSON)
interface BinanceRestClient {

    /** Weight 2. Rows: [openTime, open, high, low, close, baseVolume, closeTime, quoteVolume, trades, …]. */
    @GET
    @Path("/api/v3/klines")
    Uni<Response> klines(
            @RestQuery String symbol, @RestQuery String interval, @RestQuery Long startTime, @RestQuery Integer limit);

    /** Weight 2 with one symbol. */
    @GET
    @Path("/api/v3/ticker/24hr")
    Uni<Response> ticker24h(@RestQuery String symbol);
}
