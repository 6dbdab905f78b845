package org.coinpilot.signal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.common.persistence.AuditedEntity;

/**
 * A long/short trading signal on an asset ({@code trading_signals}). The database checks the levels against
 * the direction: a long has {@code stopLoss < entryPrice < targetPrice}, a short the reverse. Field
 * initialisers repeat the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "trading_signals")
public class TradingSignal extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code cryptocurrencies.id}. */
    @Column(name = "crypto_id", nullable = false)
    public Long cryptoId;

    /** {@code predictions.id} the signal was derived from. */
    @Column(name = "prediction_id")
    public Long predictionId;

    @Convert(converter = SignalType.Converter.class)
    @Column(name = "signal_type", nullable = false)
    public SignalType signalType;

    /** numeric(38,18). */
    @Column(name = "entry_price", nullable = false)
    public BigDecimal entryPrice;

    @Column(name = "target_price")
    public BigDecimal targetPrice;

    @Column(name = "stop_loss")
    public BigDecimal stopLoss;

    @Convert(converter = RiskLevel.Converter.class)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    /** numeric(12,4). */
    @Column(name = "risk_reward_ratio")
    public BigDecimal riskRewardRatio;

    @Column(name = "time_horizon_hours")
    public Integer timeHorizonHours;

    @Convert(converter = SignalStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public SignalStatus status = SignalStatus.ACTIVE;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
