package org.coinpilot.signal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.signal.domain.TradingSignal;
import org.coinpilot.signal.persistence.TradingSignalRepository;

/**
 * Layer 4 as other features read it (predictions snapshot it, recommendations act on it): the signals that were active
 * on assets at an instant. They never read {@code trading_signals} themselves.
 */
@ApplicationScoped
public class SignalReadService {

    /** A signal as published to other features. */
    public record ActiveSignal(
            long id,
            long cryptoId,
            Long predictionId,
            String signalType,
            BigDecimal entryPrice,
            BigDecimal targetPrice,
            BigDecimal stopLoss,
            String riskLevel,
            BigDecimal riskRewardRatio,
            Integer timeHorizonHours,
            Instant createdAt,
            Instant expiresAt) {

        static ActiveSignal of(TradingSignal s) {
            return new ActiveSignal(
                    s.id,
                    s.cryptoId,
                    s.predictionId,
                    s.signalType.name().toLowerCase(java.util.Locale.ROOT),
                    s.entryPrice,
                    s.targetPrice,
                    s.stopLoss,
                    s.riskLevel == null ? null : s.riskLevel.name().toLowerCase(java.util.Locale.ROOT),
                    s.riskRewardRatio,
                    s.timeHorizonHours,
                    s.createdAt,
                    s.expiresAt);
        }
    }

    private final TradingSignalRepository signals;
    private final Transactions tx;

    public SignalReadService(TradingSignalRepository signals, Transactions tx) {
        this.signals = signals;
        this.tx = tx;
    }

    /**
     * The signals on {@code cryptoIds} that are active, were created at or before {@code at} and had not expired by
     * then, newest first.
     */
    public Uni<List<ActiveSignal>> active(Collection<Long> cryptoIds, Instant at) {
        if (cryptoIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.read(() -> signals.activeAt(List.copyOf(cryptoIds), at))
                .map(rows -> rows.stream().map(ActiveSignal::of).toList());
    }
}
