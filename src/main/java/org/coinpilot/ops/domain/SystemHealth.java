package org.coinpilot.ops.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A health snapshot of the service ({@code system_health}), written by the {@code ops.health-snapshot} job. */
@Entity
@Table(name = "system_health")
public class SystemHealth extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "check_time", nullable = false)
    public Instant checkTime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "api_status")
    public Map<String, Object> apiStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "database_status")
    public Map<String, Object> databaseStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ml_models_status")
    public Map<String, Object> mlModelsStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_pipeline_status")
    public Map<String, Object> dataPipelineStatus;

    /** 0–100; the formula is documented on {@code HealthScore}. */
    @Column(name = "overall_health_score")
    public BigDecimal overallHealthScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "performance_metrics")
    public Map<String, Object> performanceMetrics;

    /**
     * {@code {"errors": [{source, taskId, at, message}, ...]}}: jsonb columns hold an object at the top level,
     * since Hibernate Reactive binds JSON through Vert.x {@code JsonObject}.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "error_logs")
    public Map<String, Object> errorLogs;
}
