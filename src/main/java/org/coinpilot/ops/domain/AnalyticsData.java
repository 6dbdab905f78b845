package org.coinpilot.ops.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A roll-up metric ({@code analytics_data}). */
@Entity
@Table(name = "analytics_data")
public class AnalyticsData extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** user_behavior, api_usage or performance (docs/operations.md, "Analytics"). */
    @Column(name = "category", nullable = false)
    public String category;

    @Column(name = "metric_name", nullable = false)
    public String metricName;

    @Column(name = "metric_value")
    public BigDecimal metricValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dimensions")
    public Map<String, Object> dimensions;

    /** hourly, daily, weekly or monthly. */
    @Column(name = "aggregation_level")
    public String aggregationLevel;

    /** Start of the hour or UTC day the value covers (the roll-up's upsert key with the other columns). */
    @Column(name = "period_start")
    public java.time.Instant periodStart;
}
