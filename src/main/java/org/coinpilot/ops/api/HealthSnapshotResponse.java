package org.coinpilot.ops.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One health snapshot (docs/operations.md, "Health"). */
@Schema(description = "A health snapshot of the service; members of a section that are unknown are absent")
public record HealthSnapshotResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "When it was taken") Instant checkTime,

        @Schema(description = "Overall score, 0-100 (formula: docs/operations.md)", nullable = true)
        BigDecimal overallHealthScore,

        @Schema(
                description = "API: requests, 4xx and 5xx counts and rates over the error window (every replica)",
                nullable = true)
        Map<String, Object> api,

        @Schema(description = "Database: round trip of a trivial query, pool usage, size, connections", nullable = true)
        Map<String, Object> database,

        @Schema(
                description = "Active models: versions, age of the last training and prediction, staleness",
                nullable = true)
        Map<String, Object> models,

        @Schema(
                description = "Data pipeline: candle freshness and open gaps per timeframe, newest run of every job",
                nullable = true)
        Map<String, Object> dataPipeline,

        @Schema(description = "JVM: heap, threads, load, uptime", nullable = true)
        Map<String, Object> performance,

        @Schema(description = "Recent job failures ({errors: [...]})", nullable = true)
        Map<String, Object> errors) {}
