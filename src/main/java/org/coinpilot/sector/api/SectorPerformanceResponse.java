package org.coinpilot.sector.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One performance snapshot of a sector. */
@Schema(description = "A sector's performance, weighted by market cap x allocation (docs/sectors.md)")
public record SectorPerformanceResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Sector id") long sectorId,

        @Schema(description = "24 h performance, percent", nullable = true)
        BigDecimal performance24h,

        @Schema(description = "7 d performance, percent", nullable = true)
        BigDecimal performance7d,

        @Schema(description = "30 d performance, percent", nullable = true)
        BigDecimal performance30d,

        @Schema(description = "Allocated USD volume, last 24 h against the 24 h before, percent", nullable = true)
        BigDecimal volumeChange,

        @Schema(description = "Allocated market cap change over 24 h, percent", nullable = true)
        BigDecimal marketCapChange,

        @Schema(
                description = "How it was computed: members counted per period, market cap and volumes, breadth,"
                        + " leaders and laggards, stale or unweighted members")
        Map<String, Object> metrics,

        @Schema(description = "When it was computed") Instant asOf) {}
