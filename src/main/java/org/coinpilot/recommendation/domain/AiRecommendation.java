package org.coinpilot.recommendation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A recommendation on one of a user's entities ({@code ai_recommendations}), with its lifecycle, feedback and
 * outcome. Field initialisers repeat the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "ai_recommendations")
public class AiRecommendation extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Owner ({@code users.id}); null for global recommendations. */
    @Column(name = "user_id")
    public Long userId;

    /** {@code cryptocurrencies.id} of the suggested asset. */
    @Column(name = "crypto_id")
    public Long cryptoId;

    @Convert(converter = TargetEntityType.Converter.class)
    @Column(name = "target_entity_type", nullable = false)
    public TargetEntityType targetEntityType;

    /** Id in the table selected by {@link #targetEntityType} (no FK); null for {@code STRATEGY}. */
    @Column(name = "target_entity_id")
    public Long targetEntityId;

    @Convert(converter = RecommendationType.Converter.class)
    @Column(name = "recommendation_type", nullable = false)
    public RecommendationType recommendationType;

    @Column(name = "recommendation_title", nullable = false)
    public String recommendationTitle;

    @Column(name = "recommendation_summary")
    public String recommendationSummary;

    /** Structured advice: position size, stop loss, take profit, rebalance instructions, … */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recommendation_payload")
    public Map<String, Object> recommendationPayload;

    /** {@code predictions.id} the recommendation came from. */
    @Column(name = "prediction_id")
    public Long predictionId;

    @Convert(converter = RecommendationStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public RecommendationStatus status = RecommendationStatus.PENDING;

    @Convert(converter = PriorityLevel.Converter.class)
    @Column(name = "priority_level", nullable = false)
    public PriorityLevel priorityLevel = PriorityLevel.MEDIUM;

    @Column(name = "user_feedback")
    public String userFeedback;

    /** 1–5. */
    @Column(name = "user_rating")
    public Integer userRating;

    /** Result of following the advice (e.g. actual return, success score). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "outcome_result")
    public Map<String, Object> outcomeResult;

    /** {@code users.id} of the reviewer. */
    @Column(name = "reviewed_by")
    public Long reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "implemented_at")
    public Instant implementedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Why a generated recommendation exists ({@code signal:42}, {@code no_stop}, …); one open per cause (V170). */
    @Column(name = "cause_key")
    public String causeKey;

    /** When the outcome of following it is judged; null when no outcome can be computed. */
    @Column(name = "horizon_ends_at")
    public Instant horizonEndsAt;
}
