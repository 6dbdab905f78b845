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

/** A fear &amp; greed and social sentiment snapshot ({@code market_sentiment_data}). */
@Entity
@Table(name = "market_sentiment_data")
public class MarketSentimentData extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** 0–100. */
    @Column(name = "fear_greed_index", precision = 5, scale = 2)
    public BigDecimal fearGreedIndex;

    /** Unbounded, may be negative. */
    @Column(name = "social_sentiment", precision = 12, scale = 6)
    public BigDecimal socialSentiment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sentiment_sources")
    public Map<String, Object> sentimentSources;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "analysis_metrics")
    public Map<String, Object> analysisMetrics;

    /** The UTC day the row describes (V100; unique per series). */
    @Column(name = "observed_on")
    public LocalDate observedOn;

    /** Where the value came from, e.g. alternative.me. */
    @Column(name = "provider", length = 64)
    public String provider;

    /** The provider's label exactly as received. */
    @Column(name = "classification", length = 64)
    public String classification;
}
