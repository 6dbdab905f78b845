package org.coinpilot.prediction.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.persistence.StringListJsonConverter;
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a model in the registry ({@code ai_models}, unique per name and version). Field initialisers
 * repeat the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "ai_models")
public class AiModel extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name;

    /** The model's version label (not an optimistic-lock version). */
    @Column(name = "version", nullable = false)
    public String version;

    @Convert(converter = ModelArchitecture.Converter.class)
    @Column(name = "architecture", nullable = false)
    public ModelArchitecture architecture;

    @Convert(converter = ModelType.Converter.class)
    @Column(name = "model_type", nullable = false)
    public ModelType modelType;

    @Convert(converter = ModelStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public ModelStatus status = ModelStatus.INACTIVE;

    /** Hyperparameters and settings. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "configuration")
    public Map<String, Object> configuration;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "performance_metrics")
    public Map<String, Object> performanceMetrics;

    /** Names of the features the version was trained on: a JSON array. */
    @Convert(converter = StringListJsonConverter.class)
    @JdbcTypeCode(SqlTypes.OTHER)
    @Column(name = "training_features", columnDefinition = "jsonb")
    public List<String> trainingFeatures;

    /** Date range of the training data (e.g. {@code {"from": ..., "to": ...}}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "training_data_range")
    public Map<String, Object> trainingDataRange;

    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "training_data_timeframe")
    public Timeframe trainingDataTimeframe;

    @Convert(converter = TargetVariable.Converter.class)
    @Column(name = "target_variable")
    public TargetVariable targetVariable;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "input_schema")
    public Map<String, Object> inputSchema;

    @Column(name = "training_notes")
    public String trainingNotes;

    @Column(name = "last_trained")
    public Instant lastTrained;

    @Column(name = "last_prediction")
    public Instant lastPrediction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "health_status")
    public Map<String, Object> healthStatus;

    @Column(name = "is_active", nullable = false)
    public boolean isActive;
}
