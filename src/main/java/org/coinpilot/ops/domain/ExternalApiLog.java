package org.coinpilot.ops.domain;

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

/** One outbound call to an exchange or data provider ({@code external_api_logs}). */
@Entity
@Table(name = "external_api_logs")
public class ExternalApiLog extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "api_provider", nullable = false)
    public String apiProvider;

    @Column(name = "endpoint", nullable = false)
    public String endpoint;

    @Column(name = "http_method", nullable = false)
    public String httpMethod;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_time_ms")
    public BigDecimal responseTimeMs;

    /** Binance's {@code X-MBX-USED-WEIGHT-1M} after the call, when the provider reports it. */
    @Column(name = "weight_used")
    public Integer weightUsed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "request_params")
    public Map<String, Object> requestParams;

    /** Only on error: {"body": the response body cut short}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_data")
    public Map<String, Object> responseData;

    @Column(name = "error_message")
    public String errorMessage;
}
