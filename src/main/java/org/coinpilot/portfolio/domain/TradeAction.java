package org.coinpilot.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.persistence.StringListJsonConverter;
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A trade-journal entry of a position ({@code trade_actions}): every buy, sell, exit or stop/target change,
 * with the trader's context. Owned through its position's user. Field initialisers repeat the column
 * defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "trade_actions")
public class TradeAction extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code portfolio.id} of the position. */
    @Column(name = "portfolio_id", nullable = false)
    public Long portfolioId;

    @Convert(converter = TradeActionType.Converter.class)
    @Column(name = "action_type", nullable = false)
    public TradeActionType actionType;

    /** numeric(38,18), positive. */
    @Column(name = "asset_price", nullable = false)
    public BigDecimal assetPrice;

    /** numeric(38,18), 0 for {@code MODIFY_SL} / {@code MODIFY_TP}. */
    @Column(name = "quantity", nullable = false)
    public BigDecimal quantity;

    /** numeric(28,8) USD. */
    @Column(name = "fees_paid", nullable = false)
    public BigDecimal feesPaid = BigDecimal.ZERO.setScale(8);

    /** numeric(28,8) USD. */
    @Column(name = "pnl_realized_usd", nullable = false)
    public BigDecimal pnlRealizedUsd = BigDecimal.ZERO.setScale(8);

    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "timeframe", nullable = false)
    public Timeframe timeframe;

    /** Free lowercase code (e.g. {@code calm}, {@code fomo}). */
    @Column(name = "emotion_state")
    public String emotionState;

    /** 1–10. */
    @Column(name = "confidence_level")
    public Integer confidenceLevel;

    /** 1–10. */
    @Column(name = "stress_level")
    public Integer stressLevel;

    @Convert(converter = MarketSentiment.Converter.class)
    @Column(name = "market_sentiment")
    public MarketSentiment marketSentiment;

    @Convert(converter = VolatilityLevel.Converter.class)
    @Column(name = "volatility_level")
    public VolatilityLevel volatilityLevel;

    @Convert(converter = VolumeProfile.Converter.class)
    @Column(name = "volume_profile")
    public VolumeProfile volumeProfile;

    @Convert(converter = PrimarySetup.Converter.class)
    @Column(name = "primary_setup")
    public PrimarySetup primarySetup;

    /** The signals that confirmed the setup (e.g. {@code ["rsi_oversold", "macd_cross"]}): a JSON array. */
    @Convert(converter = StringListJsonConverter.class)
    @JdbcTypeCode(SqlTypes.OTHER)
    @Column(name = "confirmation_signals", columnDefinition = "jsonb")
    public List<String> confirmationSignals;

    /** Free lowercase code (e.g. {@code double_bottom}). */
    @Column(name = "chart_pattern")
    public String chartPattern;

    /** Snapshot of the analysis at entry/exit. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "analysis_snapshot")
    public Map<String, Object> analysisSnapshot;

    @Column(name = "stop_loss")
    public BigDecimal stopLoss;

    @Column(name = "take_profit")
    public BigDecimal takeProfit;

    /** numeric(28,8) USD. */
    @Column(name = "capital_amount")
    public BigDecimal capitalAmount;

    /** numeric(12,4) percent, 0–100. */
    @Column(name = "risk_percent")
    public BigDecimal riskPercent;

    /** Free lowercase code (e.g. {@code take_profit_hit}). */
    @Column(name = "reason")
    public String reason;

    @Convert(converter = ActionSource.Converter.class)
    @Column(name = "action_source", nullable = false)
    public ActionSource actionSource;

    /** {@code trading_signals.id} when the trade followed a signal. */
    @Column(name = "signal_id")
    public Long signalId;

    @Column(name = "lesson_learned")
    public String lessonLearned;

    @Column(name = "notes")
    public String notes;

    /** When the action happened; the journal replays in {@code (executedAt, id)} order. */
    @Column(name = "executed_at", nullable = false)
    public Instant executedAt;

    /** Remaining quantity of the position after this action (set by the replay). */
    @Column(name = "quantity_after")
    public BigDecimal quantityAfter;

    /** Average entry price of the position after this action (set by the replay). */
    @Column(name = "entry_price_after")
    public BigDecimal entryPriceAfter;

    /** An action written without a time happened when it was recorded (the column's default, V130). */
    @PrePersist
    void defaultExecutedAt() {
        if (executedAt == null) {
            executedAt = createdAt;
        }
    }
}
