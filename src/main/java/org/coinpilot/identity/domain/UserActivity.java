package org.coinpilot.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.InetAddress;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of the user activity audit trail ({@code user_activities}). */
@Entity
@Table(name = "user_activities")
public class UserActivity extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    /** Open-ended lowercase snake_case code, e.g. login, watchlist_created. */
    @Column(name = "activity_type", nullable = false)
    public String activityType;

    /** Lowercase snake_case type of the entity acted on, e.g. watchlist. */
    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public Long entityId;

    /** Lowercase snake_case verb, e.g. create, update, delete. */
    @Column(name = "action")
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details")
    public Map<String, Object> details;

    @JdbcType(ReactivePgInetJdbcType.class)
    @Column(name = "ip_address")
    public InetAddress ipAddress;

    @Column(name = "user_agent")
    public String userAgent;

    /** Id of the {@code user_sessions} row the action was made in. */
    @Column(name = "session_id")
    public Long sessionId;
}
