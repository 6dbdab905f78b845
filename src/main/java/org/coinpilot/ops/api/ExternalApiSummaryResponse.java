package org.coinpilot.ops.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Calls to one provider endpoint. */
@Schema(description = "Calls to one provider endpoint in the window")
public record ExternalApiSummaryResponse(
        @Schema(description = "Provider", examples = "binance")
        String provider,

        @Schema(description = "Endpoint", examples = "/api/v3/klines")
        String endpoint,

        @Schema(description = "Calls") long calls,
        @Schema(description = "Calls without a 2xx answer") long errors,
        @Schema(description = "errors / calls, 4 decimals") BigDecimal errorRate,
        @Schema(description = "Median latency, ms") BigDecimal p50Ms,
        @Schema(description = "95th percentile latency, ms") BigDecimal p95Ms) {}
