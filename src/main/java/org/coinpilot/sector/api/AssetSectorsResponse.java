package org.coinpilot.sector.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sectors of an asset. */
@Schema(description = "The sectors of an asset, primary first")
public record AssetSectorsResponse(
        @Schema(description = "Asset symbol", examples = "ETH")
        String symbol,

        @Schema(description = "Its sectors, primary first") List<AssetSectorResponse> sectors,

        @Schema(description = "Sum of the allocations, percent (at most 100)")
        BigDecimal totalAllocationPercentage) {}
