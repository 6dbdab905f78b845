package org.coinpilot.ops.service;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One outbound call to an exchange or data provider, as a client reports it for {@code external_api_logs}.
 *
 * @param provider lower-case provider name, e.g. {@code binance}
 * @param endpoint the path template called, e.g. {@code /api/v3/klines}
 * @param method HTTP method
 * @param status HTTP status, or null when no response arrived (timeout, connection refused)
 * @param latencyMs wall time of the call in milliseconds
 * @param weightUsed Binance's {@code X-MBX-USED-WEIGHT-1M} after the call, when reported
 * @param params the query parameters sent (never credentials)
 * @param errorBody the response body on error, already cut short by the caller; null on success
 * @param errorMessage what went wrong, null on success
 */
public record ExternalApiCall(
        String provider,
        String endpoint,
        String method,
        Integer status,
        BigDecimal latencyMs,
        Integer weightUsed,
        Map<String, Object> params,
        String errorBody,
        String errorMessage) {}
