package org.coinpilot.common.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only, for {@link TransactionsCancellationTest}: a request whose unit of work inserts a row, sleeps 2 s (the
 * statement carries {@code marker}, so the test sees it in {@code pg_stat_activity}) and inserts a second row; the
 * test's client goes away during the sleep. Hidden from the API description.
 */
@Path("/test/transactions")
@PermitAll
public class CancellationProbeResource {

    private final Transactions tx;

    public CancellationProbeResource(Transactions tx) {
        this.tx = tx;
    }

    @POST
    @Path("/slow-write")
    @Operation(hidden = true)
    public Uni<Integer> slowWrite(
            @QueryParam("marker") String marker,
            @QueryParam("first") String first,
            @QueryParam("second") String second) {
        return tx.write(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO " + TransactionsCancellationTest.TABLE + " (id) VALUES (:id)")
                        .setParameter("id", first)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(TransactionsCancellationTest.sleep(marker))
                                .getSingleResult())
                        .chain(() -> session.createNativeQuery(
                                        "INSERT INTO " + TransactionsCancellationTest.TABLE + " (id) VALUES (:id)")
                                .setParameter("id", second)
                                .executeUpdate())));
    }
}
