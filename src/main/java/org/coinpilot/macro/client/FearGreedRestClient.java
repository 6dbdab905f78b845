package org.coinpilot.macro.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** alternative.me; base URL {@code quarkus.rest-client."alternative-me".url}. */
@RegisterRestClient(configKey = "alternative-me")
@Produces(MediaType.APPLICATION_JSON)
interface FearGreedRestClient {

    /** {@code limit=0}: the whole history. */
    @GET
    @Path("/fng/")
    Uni<Response> fng(@RestQuery int limit, @RestQuery String format);
}
