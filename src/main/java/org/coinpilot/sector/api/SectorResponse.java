package org.coinpilot.sector.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sector with its members and latest performance. */
@Schema(description = "A sector with its members and latest performance")
public record SectorResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Name") String name,

        @Schema(description = "Slug, for ?sector= on the asset list")
        String slug,

        @Schema(description = "Description", nullable = true)
        String description,

        @Schema(description = "Defining features, free-form", nullable = true)
        Map<String, Object> characteristics,

        @Schema(description = "Tracked by the performance and rotation jobs")
        boolean active,

        @Schema(description = "Member assets, largest allocation first")
        List<SectorMemberResponse> members,

        @Schema(description = "The latest performance snapshot; null before the first run", nullable = true)
        SectorPerformanceResponse latestPerformance,

        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last change") Instant updatedAt) {}
