package org.coinpilot.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One position of a user's portfolio ({@code portfolio}, one row per position): a catalogue asset
 * ({@link #cryptoId}) or an external one ({@link #externalAssetInfo}), long or short. Field initialisers repeat
 * the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "portfolio")
public class Position extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Owner ({@code users.id}). */
    @Column(name = "user_id", nullable = false)
    public Long userId;

    /** {@code cryptocurrencies.id}; null for external assets. */
    @Column(name = "crypto_id")
    public Long cryptoId;

    @Column(name = "asset_symbol", nullable = false)
    public String assetSymbol;

    /** Description of an external asset (name, venue, identifiers). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_asset_info")
    public Map<String, Object> externalAssetInfo;

    @Convert(converter = AssetType.Converter.class)
    @Column(name = "asset_type", nullable = false)
    public AssetType assetType;

    /** numeric(10,4), at least 1 (1 = no leverage). */
    @Column(name = "leverage_ratio", nullable = false)
    public BigDecimal leverageRatio = new BigDecimal("1.0000");

    /** Remaining quantity, numeric(38,18), never negative; the direction comes from {@link #assetType}. */
    @Column(name = "quantity", nullable = false)
    public BigDecimal quantity = BigDecimal.ZERO.setScale(18);

    @Column(name = "entry_price")
    public BigDecimal entryPrice;

    @Column(name = "exit_price")
    public BigDecimal exitPrice;

    @Convert(converter = TradeStatus.Converter.class)
    @Column(name = "trade_status", nullable = false)
    public TradeStatus tradeStatus;

    /** numeric(28,8) USD. */
    @Column(name = "pnl_realized_usd", nullable = false)
    public BigDecimal pnlRealizedUsd = BigDecimal.ZERO.setScale(8);

    /** numeric(12,4) percent, 0–100. */
    @Column(name = "allocation_target_percent")
    public BigDecimal allocationTargetPercent;

    @Column(name = "investment_thesis")
    public String investmentThesis;

    @Convert(converter = InvestmentTimeframe.Converter.class)
    @Column(name = "investment_timeframe")
    public InvestmentTimeframe investmentTimeframe;

    @Convert(converter = RiskCategory.Converter.class)
    @Column(name = "risk_category", nullable = false)
    public RiskCategory riskCategory = RiskCategory.MODERATE;

    @Column(name = "stop_loss_price")
    public BigDecimal stopLossPrice;

    @Column(name = "take_profit_price")
    public BigDecimal takeProfitPrice;

    /** numeric(12,4) percent, 0–100. */
    @Column(name = "max_allocation_percent", nullable = false)
    public BigDecimal maxAllocationPercent = new BigDecimal("10.0000");

    /** numeric(28,8) USD: every fee of the journal. */
    @Column(name = "fees_paid_usd", nullable = false)
    public BigDecimal feesPaidUsd = BigDecimal.ZERO.setScale(8);

    /** numeric(28,8) USD: entry fees of the remaining quantity, realized pro rata on exits. */
    @Column(name = "open_fees_usd", nullable = false)
    public BigDecimal openFeesUsd = BigDecimal.ZERO.setScale(8);

    /** Quantity exited in the current cycle; {@link #exitPrice} is the average price of these exits. */
    @Column(name = "exited_quantity", nullable = false)
    public BigDecimal exitedQuantity = BigDecimal.ZERO.setScale(18);

    /** When the current cycle opened (the first entry from a zero quantity). */
    @Column(name = "opened_at")
    public Instant openedAt;

    /** When the position was last closed; null while it holds a quantity. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** Optimistic lock (CONVENTIONS §5). */
    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
