package org.coinpilot.identity.api;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.coinpilot.common.security.Audited;

/** Test-only: a service method of "another feature" audited with {@link Audited}. */
@Path("/test/audited-probe")
@Authenticated
public class AuditedProbeResource {

    public record Created(long id) {}

    @ApplicationScoped
    public static class ProbeService {

        @WithTransaction
        @Audited(entity = "probe", action = "create")
        public Uni<Created> create() {
            return Uni.createFrom().item(new Created(42));
        }

        @WithTransaction
        @Audited(entity = "probe", action = "delete")
        public Uni<Void> delete(long id) {
            return Uni.createFrom().voidItem();
        }
    }

    private final ProbeService probes;

    public AuditedProbeResource(ProbeService probes) {
        this.probes = probes;
    }

    @POST
    public Uni<Created> create() {
        return probes.create();
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") long id) {
        return probes.delete(id);
    }
}
