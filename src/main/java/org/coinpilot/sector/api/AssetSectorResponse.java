package org.coinpilot.sector.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One sector of an asset. */
@Schema(description = "One sector of an asset")
public record AssetSectorResponse(
        @Schema(description = "Sector id") long sectorId,
        @Schema(description = "Sector name") String name,
        @Schema(description = "Sector slug") String slug,

        @Schema(description = "Percent of the asset in this sector")
        BigDecimal allocationPercentage,

        @Schema(description = "The asset's primary sector") boolean primary) {}
