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
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** {@code ai_models.id} of the prediction's model version (track record per model). */
    @Column(name = "ai_model_id")
    public Long aiModelId;

    @Column(name = "model_name")
    public String modelName;

    @Column(name = "model_version")
    public String modelVersion;

    /** Candle timeframe of the model; scoring walks candles of it. */
    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "timeframe")
    public Timeframe timeframe;

    /** Close of the last input candle (the entry is its close). */
    @Column(name = "input_close_time")
    public Instant inputCloseTime;

    /** Macro regime known at creation (lowercase), null when none was. */
    @Column(name = "regime")
    public String regime;

    /** The inputs and rule values the signal was made from. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rationale")
    public Map<String, Object> rationale;

    @Convert(converter = SignalOutcome.Converter.class)
    @Column(name = "outcome")
    public SignalOutcome outcome;

    @Column(name = "outcome_price")
    public BigDecimal outcomePrice;

    /** numeric(12,4). */
    @Column(name = "outcome_return_pct")
    public BigDecimal outcomeReturnPct;

    @Column(name = "outcome_candle_time")
    public Instant outcomeCandleTime;

    @Column(name = "scored_at")
    public Instant scoredAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
