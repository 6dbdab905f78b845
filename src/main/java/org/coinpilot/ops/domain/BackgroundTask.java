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

/** One run of a background job ({@code background_tasks}). */
@Entity
@Table(name = "background_tasks")
public class BackgroundTask extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_name", nullable = false)
    public String taskName;

    @Column(name = "task_type", nullable = false)
    public String taskType;

    /** pending, running, completed, failed or skipped. */
    @Column(name = "status", nullable = false)
    public String status;

    /** schedule, admin or cli. */
    @Column(name = "triggered_by")
    public String triggeredBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_params")
    public Map<String, Object> taskParams;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result_data")
    public Map<String, Object> resultData;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "execution_time_seconds")
    public BigDecimal executionTimeSeconds;
}
