package org.coinpilot.prediction.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.persistence.StringListJsonConverter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A prediction of the unified ledger ({@code predictions}, all layers), scored once {@link #targetDatetime}
 * has passed. Field initialisers repeat the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "predictions")
public class Prediction extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code cryptocurrencies.id}; null for macro and sector predictions. */
    @Column(name = "crypto_id")
    public Long cryptoId;

    /** {@code ai_models.id} of the model version (the seed's column name is kept). */
    @Column(name = "ai_models_id")
    public Long aiModelsId;

    /** Free lowercase code (e.g. {@code price}, {@code trend}, {@code event}). */
    @Column(name = "prediction_type", nullable = false)
    public String predictionType;

    /** numeric(38,18). */
    @Column(name = "predicted_price")
    public BigDecimal predictedPrice;

    /** Non-price predictions in structured form. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "predicted_value")
    public Map<String, Object> predictedValue;

    /** numeric(7,6), 0–1. */
    @Column(name = "confidence_score")
    public BigDecimal confidenceScore;

    /** Positive; in the unit of the prediction type. */
    @Column(name = "prediction_horizon")
    public Integer predictionHorizon;

    @Column(name = "target_datetime", nullable = false)
    public Instant targetDatetime;

    /** Names of the input features: a JSON array. */
    @Convert(converter = StringListJsonConverter.class)
    @JdbcTypeCode(SqlTypes.OTHER)
    @Column(name = "features_used", columnDefinition = "jsonb")
    public List<String> featuresUsed;

    @Column(name = "input_price")
    public BigDecimal inputPrice;

    /** Input feature values by name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "input_features")
    public Map<String, Object> inputFeatures;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "context_data")
    public Map<String, Object> contextData;

    @Column(name = "actual_price")
    public BigDecimal actualPrice;

    /** numeric(12,4). */
    @Column(name = "accuracy_percentage")
    public BigDecimal accuracyPercentage;

    @Column(name = "absolute_error")
    public BigDecimal absoluteError;

    @Column(name = "squared_error")
    public BigDecimal squaredError;

    @Column(name = "is_realized", nullable = false)
    public boolean isRealized;

    /** Null until evaluated. */
    @Column(name = "is_accurate")
    public Boolean isAccurate;

    /** numeric(12,4). */
    @Column(name = "accuracy_threshold")
    public BigDecimal accuracyThreshold;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "market_conditions")
    public Map<String, Object> marketConditions;

    @Convert(converter = VolatilityLevel.Converter.class)
    @Column(name = "volatility_level")
    public VolatilityLevel volatilityLevel;

    /** Seconds the model took, numeric(12,6). */
    @Column(name = "prediction_time")
    public BigDecimal predictionTime;

    @Column(name = "notes")
    public String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "debug_info")
    public Map<String, Object> debugInfo;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
}
