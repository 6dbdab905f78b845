package org.coinpilot.prediction.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One evaluation result of a model version for one metric ({@code model_performance}). */
@Entity
@Table(name = "model_performance")
public class ModelPerformance extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code ai_models.id}. */
    @Column(name = "model_id", nullable = false)
    public Long modelId;

    /** Free lowercase code (e.g. {@code mae}, {@code direction_accuracy}). */
    @Column(name = "evaluation_metric", nullable = false)
    public String evaluationMetric;

    /** numeric(38,18). */
    @Column(name = "metric_value")
    public BigDecimal metricValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evaluation_data_range")
    public Map<String, Object> evaluationDataRange;

    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "evaluation_data_timeframe")
    public Timeframe evaluationDataTimeframe;

    @Column(name = "evaluated_predictions_count")
    public Integer evaluatedPredictionsCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "detailed_metrics")
    public Map<String, Object> detailedMetrics;

    /** When the evaluation ran; defaults to {@link #createdAt} (the column's {@code DEFAULT now()}). */
    @Column(name = "evaluation_date", nullable = false)
    public Instant evaluationDate;

    /**
     * Hibernate writes every column on insert, so the column default cannot apply; runs after
     * {@code AuditListener} has set {@code createdAt} from the application clock.
     */
    @PrePersist
    void defaultEvaluationDate() {
        if (evaluationDate == null) {
            evaluationDate = createdAt;
        }
    }
}
