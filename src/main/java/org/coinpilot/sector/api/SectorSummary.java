package org.coinpilot.sector.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of the sector list. */
@Schema(description = "A sector with its member count and latest performance")
public record SectorSummary(
        @Schema(description = "Id") long id,

        @Schema(description = "Name", examples = "Layer 1 (L1)")
        String name,

        @Schema(description = "Slug, for ?sector= on the asset list", examples = "layer-1-l1")
        String slug,

        @Schema(description = "Description", nullable = true)
        String description,

        @Schema(description = "Tracked by the performance and rotation jobs")
        boolean active,

        @Schema(description = "Number of member assets") long memberCount,

        @Schema(description = "Latest weighted 24 h performance, percent", nullable = true)
        BigDecimal performance24h,

        @Schema(description = "Latest weighted 7 d performance, percent", nullable = true)
        BigDecimal performance7d,

        @Schema(description = "Latest weighted 30 d performance, percent", nullable = true)
        BigDecimal performance30d,

        @Schema(description = "When the latest performance was computed; null before the first run", nullable = true)
        Instant performanceAsOf) {}
