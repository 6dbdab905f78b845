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
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A value of an external macro indicator (VIX, DXY, …) for a timeframe ({@code macro_indicators}). */
@Entity
@Table(name = "macro_indicators")
public class MacroIndicator extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "indicator_name", nullable = false)
    public String indicatorName;

    @Column(name = "value", precision = 38, scale = 18)
    public BigDecimal value;

    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "timeframe")
    public Timeframe timeframe;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata")
    public Map<String, Object> metadata;

    /** The UTC day the row describes (V100; unique per series). */
    @Column(name = "observed_on")
    public LocalDate observedOn;

    /** Where the value came from (fred, import, api, …). */
    @Column(name = "source", length = 64)
    public String source;
}
