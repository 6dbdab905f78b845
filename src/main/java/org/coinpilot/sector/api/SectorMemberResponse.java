package org.coinpilot.sector.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member asset of a sector. */
@Schema(description = "A member asset of a sector")
public record SectorMemberResponse(
        @Schema(description = "Asset symbol", examples = "BTC")
        String symbol,

        @Schema(description = "Asset name", examples = "Bitcoin")
        String name,

        @Schema(description = "Share of the asset allocated to this sector, percent (0-100]", examples = "100")
        BigDecimal allocationPercentage,

        @Schema(description = "This is the asset's primary sector")
        boolean primary) {}
