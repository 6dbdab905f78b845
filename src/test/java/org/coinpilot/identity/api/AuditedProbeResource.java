package org.coinpilot.identity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.security.AuditTrail;

/**
 * Test-only: a service of "another feature" recording its changes in the audit trail the one way there is: an explicit
 * {@link AuditTrail} call inside the use case's transaction.
 */
@Path("/test/audited-probe")
@Authenticated
public class AuditedProbeResource {

    public record Created(long id) {}

    @ApplicationScoped
    public static class ProbeService {

        private final AuditTrail audit;
        private final Transactions tx;

        public ProbeService(AuditTrail audit, Transactions tx) {
            this.audit = audit;
            this.tx = tx;
        }

        public Uni<Created> create() {
            return tx.write(() -> audit.created("probe", 42L, null).replaceWith(new Created(42)));
        }

        public Uni<Void> delete(long id) {
            return tx.write(() -> audit.deleted("probe", id, null));
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
