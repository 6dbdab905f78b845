package org.coinpilot.signal.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.TradingSignal;

/** Queries of {@code trading_signals}. */
@ApplicationScoped
public class TradingSignalRepository implements PanacheRepositoryBase<TradingSignal, Long> {

    /** The asset's signals in a state, newest first. */
    public Uni<List<TradingSignal>> listByCryptoAndStatus(long cryptoId, SignalStatus status) {
        return list(
                "cryptoId = :cryptoId and status = :status order by createdAt desc, id desc",
                Parameters.with("cryptoId", cryptoId).and("status", status));
    }

    /** Active signals on the assets created at or before {@code at} and not expired by then, newest first. */
    public Uni<List<TradingSignal>> activeAt(List<Long> cryptoIds, java.time.Instant at) {
        return list(
                "cryptoId in :ids and status = :status and createdAt <= :at and (expiresAt is null or expiresAt > :at)"
                        + " order by createdAt desc, id desc",
                Parameters.with("ids", cryptoIds)
                        .and("status", SignalStatus.ACTIVE)
                        .and("at", at));
    }
}
