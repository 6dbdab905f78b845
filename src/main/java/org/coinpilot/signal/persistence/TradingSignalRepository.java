package org.coinpilot.signal.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.SignalType;
import org.coinpilot.signal.domain.TradingSignal;

/** Queries of {@code trading_signals}. */
@ApplicationScoped
public class TradingSignalRepository implements PanacheRepositoryBase<TradingSignal, Long> {

    /** Optional filters of the list; null means "any". {@code createdTo} is exclusive. */
    public record Filter(Long cryptoId, SignalStatus status, SignalType type, Instant createdFrom, Instant createdTo) {}

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

    /** One page of signals, newest first. */
    public Uni<List<TradingSignal>> page(Filter filter, int pageIndex, int size) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(Page.of(pageIndex, size))
                .list();
    }

    /** How many signals match. */
    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    /** The signal, locked for update (cancel), or null. */
    public Uni<TradingSignal> findByIdForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Of these predictions, those that already have a signal. */
    public Uni<List<Long>> predictionsWithSignals(Collection<Long> predictionIds) {
        if (predictionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select s.predictionId from TradingSignal s where s.predictionId in :ids", Long.class)
                        .setParameter("ids", List.copyOf(predictionIds))
                        .getResultList());
    }

    /** (model version id, asset id) of every signal active and unexpired at {@code at} that came from a model. */
    public Uni<List<Object[]>> activeModelAssets(Instant at) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select s.aiModelId, s.cryptoId from TradingSignal s where s.status = :active"
                                        + " and s.aiModelId is not null and (s.expiresAt is null or s.expiresAt > :at)",
                                Object[].class)
                        .setParameter("active", SignalStatus.ACTIVE)
                        .setParameter("at", at)
                        .getResultList());
    }

    /** Active signals whose expiry is at or before {@code now} become expired, in one statement; how many did. */
    public Uni<Integer> expireDue(Instant now) {
        return update(
                "status = :expired, updatedAt = :now where status = :active and expiresAt <= :now",
                Parameters.with("expired", SignalStatus.EXPIRED)
                        .and("active", SignalStatus.ACTIVE)
                        .and("now", now));
    }

    private static HqlFilter where(Filter filter) {
        return new HqlFilter()
                .equal("cryptoId", "cryptoId", filter.cryptoId())
                .equal("status", "status", filter.status())
                .equal("signalType", "type", filter.type())
                .atLeast("createdAt", "createdFrom", filter.createdFrom())
                .before("createdAt", "createdTo", filter.createdTo());
    }
}
