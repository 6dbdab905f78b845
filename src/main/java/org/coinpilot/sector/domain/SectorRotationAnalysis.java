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

/** A detected rotation of capital between two different sectors ({@code sector_rotation_analysis}). */
@Entity
@Table(name = "sector_rotation_analysis")
public class SectorRotationAnalysis extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Id of the {@code crypto_sectors} row capital moves out of. */
    @Column(name = "from_sector_id", nullable = false)
    public Long fromSectorId;

    /** Id of the {@code crypto_sectors} row capital moves into; differs from {@link #fromSectorId}. */
    @Column(name = "to_sector_id", nullable = false)
    public Long toSectorId;

    /** 0–1. */
    @Column(name = "rotation_strength", precision = 7, scale = 6)
    public BigDecimal rotationStrength;

    /** 0–1. */
    @Column(name = "confidence_score", precision = 7, scale = 6)
    public BigDecimal confidenceScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rotation_indicators")
    public Map<String, Object> rotationIndicators;
}
