package org.coinpilot.alert.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.alert.domain.SignalAlert;

/** Queries of {@code signal_alerts}. */
@ApplicationScoped
public class SignalAlertRepository implements PanacheRepositoryBase<SignalAlert, Long> {

    /** The alert rule {@code id} of {@code ownerId}, or null (also when it belongs to someone else). */
    public Uni<SignalAlert> findByIdAndOwner(long id, long ownerId) {
        return find("id = :id and userId = :ownerId", Parameters.with("id", id).and("ownerId", ownerId))
                .firstResult();
    }

    /** The asset's armed rules (active, not yet triggered); served by {@code ix_signal_alerts_armed}. */
    public Uni<List<SignalAlert>> listArmedByCrypto(long cryptoId) {
        return list(
                "cryptoId = :cryptoId and isActive = true and isTriggered = false order by id",
                Parameters.with("cryptoId", cryptoId));
    }
}
