package org.coinpilot.macro.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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

/** A market regime classification with its confidence and supporting indicators ({@code market_regime_analysis}). */
@Entity
@Table(name = "market_regime_analysis")
public class MarketRegimeAnalysis extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Convert(converter = MarketRegimeConverter.class)
    @Column(name = "regime", nullable = false)
    public MarketRegime regime;

    /** 0–1. */
    @Column(name = "confidence_score", precision = 7, scale = 6)
    public BigDecimal confidenceScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "indicators")
    public Map<String, Object> indicators;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "analysis_data")
    public Map<String, Object> analysisData;

    /** The UTC day the row describes (V100; unique per series). */
    @Column(name = "observed_on")
    public LocalDate observedOn;
}
