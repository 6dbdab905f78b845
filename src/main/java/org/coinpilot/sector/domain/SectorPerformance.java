package org.coinpilot.sector.domain;

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

/** A weighted performance snapshot of a sector, percent changes that may be negative ({@code sector_performance}). */
@Entity
@Table(name = "sector_performance")
public class SectorPerformance extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Id of the {@code crypto_sectors} row. */
    @Column(name = "sector_id", nullable = false)
    public Long sectorId;

    @Column(name = "performance_24h", precision = 12, scale = 4)
    public BigDecimal performance24h;

    @Column(name = "performance_7d", precision = 12, scale = 4)
    public BigDecimal performance7d;

    @Column(name = "performance_30d", precision = 12, scale = 4)
    public BigDecimal performance30d;

    @Column(name = "volume_change", precision = 12, scale = 4)
    public BigDecimal volumeChange;

    @Column(name = "market_cap_change", precision = 12, scale = 4)
    public BigDecimal marketCapChange;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "performance_metrics")
    public Map<String, Object> performanceMetrics;
}
