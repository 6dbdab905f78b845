package org.coinpilot.macro.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** BTC / ETH / altcoin market dominance percentages, 0–100 ({@code dominance_data}). */
@Entity
@Table(name = "dominance_data")
public class DominanceData extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "btc_dominance", precision = 12, scale = 4)
    public BigDecimal btcDominance;

    @Column(name = "eth_dominance", precision = 12, scale = 4)
    public BigDecimal ethDominance;

    @Column(name = "alt_dominance", precision = 12, scale = 4)
    public BigDecimal altDominance;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trend_analysis")
    public Map<String, Object> trendAnalysis;

    /** The UTC day the row describes (V100; unique per series). */
    @Column(name = "observed_on")
    public LocalDate observedOn;

    /** Total crypto market cap, USD. */
    @Column(name = "total_market_cap_usd", precision = 30, scale = 2)
    public BigDecimal totalMarketCapUsd;

    /** Where the values came from (coingecko, import). */
    @Column(name = "source", length = 64)
    public String source;
}
