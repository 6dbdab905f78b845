package org.coinpilot.ops.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One outbound call. */
@Schema(description = "One outbound call to a provider")
public record ExternalApiLogResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Provider") String provider,
        @Schema(description = "Endpoint") String endpoint,
        @Schema(description = "HTTP method") String method,

        @Schema(description = "HTTP status; absent when no answer arrived", nullable = true)
        Integer status,

        @Schema(description = "Latency, ms", nullable = true)
        BigDecimal latencyMs,

        @Schema(description = "Binance weight used in the minute after the call", nullable = true)
        Integer weightUsed,

        @Schema(description = "Query parameters sent", nullable = true)
        Map<String, Object> params,

        @Schema(description = "Response body on error, cut short", nullable = true)
        Map<String, Object> response,

        @Schema(description = "What went wrong", nullable = true)
        String error,

        @Schema(description = "When") Instant createdAt) {}
